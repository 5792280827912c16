namespace SocialCommerce.Workflows.Hosting;

/// <summary>The <c>Workflows</c> configuration section.</summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "Workflows";

    /// <summary>
    /// Secrets (<c>whsec_…</c>) that SendWebhook activities sign with, by name: definitions name a secret, never hold it,
    /// so exporting a definition leaks nothing.
    /// </summary>
    public Dictionary<string, string> WebhookSecrets { get; set; } = [];

    /// <summary>How long one outbound delivery attempt may take.</summary>
    public TimeSpan OutboundWebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Outbound deliveries still failing after this long are given up (logged as errors).</summary>
    public TimeSpan OutboundWebhookGiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first automatic retry of an incident waits this long; each further one twice as long.</summary>
    public TimeSpan IncidentRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts (the first run included) before an incident waits for an operator.</summary>
    public int IncidentMaxAttempts { get; set; } = 5;

    /// <summary>How many recent stimulus ids an instance remembers to ignore redeliveries.</summary>
    public int RememberedStimuli { get; set; } = 256;
}
