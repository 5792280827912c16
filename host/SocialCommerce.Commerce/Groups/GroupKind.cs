using System.Text.Json.Serialization;

namespace SocialCommerce.Commerce.Groups;

/// <summary>The kinds of chat group (社群) a promoter runs (DOMAIN.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GroupKind>))]
public enum GroupKind
{
    /// <summary>Days 1–7 of the funnel: a 500-person group kept lively with red packets and talks.</summary>
    [JsonStringEnumMemberName("warm-up")]
    WarmUp = 1,

    /// <summary>Days 8–28: people who opted in, led through tasks; a task group asks for 50 people.</summary>
    [JsonStringEnumMemberName("task")]
    Task = 2,

    [JsonStringEnumMemberName("head-user")]
    HeadUser = 3,

    [JsonStringEnumMemberName("interest")]
    Interest = 4,
}

public static class GroupKinds
{
    /// <summary>Big groups cap at 500 (the chat tool's limit); task groups are built to 50.</summary>
    public const int BigGroupCapacity = 500;

    public const int TaskGroupCapacity = 50;

    public static int CapacityOf(GroupKind kind) => kind == GroupKind.Task ? TaskGroupCapacity : BigGroupCapacity;
}
