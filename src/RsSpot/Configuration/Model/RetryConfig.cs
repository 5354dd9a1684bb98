using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>
/// A <c>retry</c> block, mapped by name onto <see cref="RetryOptions"/>, which documents each field (seconds here become durations). Fields
/// are optional so a profile's block layers over the top-level one over the defaults; unknown keys are rejected (almost always typos).
/// </summary>
[JsonObject(MissingMemberHandling = MissingMemberHandling.Error)]
internal sealed class RetryConfig
{
    [Setting("max_attempts", Minimum = 1)]
    public int? MaxAttempts { get; set; }

    [Setting("base_delay", Minimum = 0)]
    public double? BaseDelay { get; set; }

    [Setting("max_delay", Minimum = 0)]
    public double? MaxDelay { get; set; }

    [Setting("jitter", Minimum = 0, Maximum = 1)]
    public double? Jitter { get; set; }

    [Setting("retry_statuses", Minimum = 100, Maximum = 599, Rule = "must hold HTTP statuses (100-599)")]
    public IList<int>? RetryStatuses { get; set; }

    [Setting("max_retry_after", Minimum = 0)]
    public double? MaxRetryAfter { get; set; }

    [Setting("overall_timeout", Env = ["RSSPOT_TIMEOUT"], Minimum = 0, ExclusiveMinimum = true)]
    public double? OverallTimeout { get; set; }

    /// <summary>The block the legacy knobs describe (max_attempts = retries + 1, base_delay = factor, max_delay = max(2.5, 16 × factor)), or null.</summary>
    public static RetryConfig? FromLegacy(int? maxRetries, double? backoffFactor) => maxRetries is null && backoffFactor is null
        ? null
        : new RetryConfig
        {
            MaxAttempts = maxRetries + 1,
            BaseDelay = backoffFactor,
            MaxDelay = backoffFactor is { } factor ? Math.Max(2.5, 16 * factor) : null,
        };
}
