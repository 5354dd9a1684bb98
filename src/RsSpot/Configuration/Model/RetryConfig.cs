using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>
/// A <c>retry</c> block, mapped by name onto <see cref="RetryOptions"/> (seconds become durations). Fields are optional so
/// a profile's block layers over the top-level one over the defaults; unknown keys are rejected (they are almost always typos).
/// </summary>
[JsonObject(MissingMemberHandling = MissingMemberHandling.Error)]
internal sealed class RetryConfig
{
    /// <summary>Total attempts including the first (<c>max_attempts</c>, at least 1).</summary>
    [Setting("max_attempts", Minimum = 1)]
    public int? MaxAttempts { get; set; }

    /// <summary>Delay before the first retry (<c>base_delay</c>).</summary>
    [Setting("base_delay", Minimum = 0)]
    public double? BaseDelay { get; set; }

    /// <summary>Upper bound of one delay (<c>max_delay</c>).</summary>
    [Setting("max_delay", Minimum = 0)]
    public double? MaxDelay { get; set; }

    /// <summary>Random spread as a fraction of each delay, 0..1 (<c>jitter</c>).</summary>
    [Setting("jitter", Minimum = 0, Maximum = 1)]
    public double? Jitter { get; set; }

    /// <summary>HTTP statuses that are retried (<c>retry_statuses</c>).</summary>
    [Setting("retry_statuses", Minimum = 100, Maximum = 599, Rule = "must hold HTTP statuses (100-599)")]
    public IList<int>? RetryStatuses { get; set; }

    /// <summary>Longest honoured Retry-After (<c>max_retry_after</c>).</summary>
    [Setting("max_retry_after", Minimum = 0)]
    public double? MaxRetryAfter { get; set; }

    /// <summary>Deadline of one logical call including retries and their delays, in seconds (<c>overall_timeout</c>; default 100).</summary>
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
