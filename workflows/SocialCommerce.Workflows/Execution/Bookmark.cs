using System.Text.Json.Nodes;

namespace SocialCommerce.Workflows.Execution;

/// <summary>
/// What a waiting activity waits on: a name (and correlation value) a stimulus can find it by, a token that resumes
/// exactly this one, and optionally a due time after which it resumes on its own (a delay, a timeout).
/// </summary>
public sealed record Bookmark(string Token, string Name, string? CorrelationId, string ActivityId, DateTimeOffset? DueAt = null, JsonNode? Data = null);

/// <summary>Why a bookmark resumed: a stimulus (event, webhook, operator) with its payload, or its due time passing.</summary>
public sealed record BookmarkResumption(Bookmark Bookmark, JsonNode? Payload, bool DueTimeReached);

/// <summary>Well-known bookmark names.</summary>
public static class BookmarkNames
{
    public const string Timer = "timer";

    public static string ForEvent(string eventName) => $"event:{eventName}";
}
