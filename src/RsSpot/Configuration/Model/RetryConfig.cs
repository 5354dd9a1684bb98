namespace RsSpot.Configuration;

/// <summary>
/// A <c>retry</c> block. Every field is optional so blocks can be layered: a profile's block overrides the top-level
/// block field by field, which overrides <see cref="RetryOptions"/>' defaults. Durations are in seconds.
/// Unknown keys are rejected (they are almost always typos).
/// </summary>
public sealed class RetryConfig
{
    /// <summary>Total attempts including the first (<c>max_attempts</c>, at least 1).</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Delay before the first retry (<c>base_delay</c>).</summary>
    public double? BaseDelay { get; set; }

    /// <summary>Upper bound of one delay (<c>max_delay</c>).</summary>
    public double? MaxDelay { get; set; }

    /// <summary>Random spread as a fraction of each delay, 0..1 (<c>jitter</c>).</summary>
    public double? Jitter { get; set; }

    /// <summary>HTTP statuses that are retried (<c>retry_statuses</c>).</summary>
    public IList<int>? RetryStatuses { get; set; }

    /// <summary>Longest honoured Retry-After (<c>max_retry_after</c>).</summary>
    public double? MaxRetryAfter { get; set; }

    /// <summary>Deadline of one logical call including retries (<c>overall_timeout</c>).</summary>
    public double? OverallTimeout { get; set; }

    /// <summary>Returns a copy of <paramref name="baseline"/> (or of the defaults) with this block's set fields applied.</summary>
    public RetryOptions ToOptions(RetryOptions? baseline = null)
    {
        var options = baseline?.Clone() ?? new RetryOptions();
        ApplyTo(options);
        return options;
    }

    /// <summary>Overwrites the fields of <paramref name="options"/> that this block sets.</summary>
    /// <param name="options">The options to update in place.</param>
    /// <param name="applied">Called with the snake_case name of each field applied (used to report value sources).</param>
    public void ApplyTo(RetryOptions options, Action<string>? applied = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Set(MaxAttempts, v => options.MaxAttempts = v, ConfigSchema.Retry.MaxAttempts.Name, applied);
        Set(BaseDelay, v => options.BaseDelay = TimeSpan.FromSeconds(v), ConfigSchema.Retry.BaseDelay.Name, applied);
        Set(MaxDelay, v => options.MaxDelay = TimeSpan.FromSeconds(v), ConfigSchema.Retry.MaxDelay.Name, applied);
        Set(Jitter, v => options.Jitter = v, ConfigSchema.Retry.Jitter.Name, applied);
        Set(RetryStatuses, v => options.RetryStatuses = new HashSet<int>(v), ConfigSchema.Retry.RetryStatuses.Name, applied);
        Set(MaxRetryAfter, v => options.MaxRetryAfter = TimeSpan.FromSeconds(v), ConfigSchema.Retry.MaxRetryAfter.Name, applied);
        Set(OverallTimeout, v => options.OverallTimeout = TimeSpan.FromSeconds(v), ConfigSchema.Retry.OverallTimeout.Name, applied);
    }

    /// <summary>
    /// The block the legacy knobs describe: max_attempts = retries + 1; base_delay = factor;
    /// max_delay = max(2.5, 16 × factor). Returns null when neither knob is set.
    /// </summary>
    public static RetryConfig? FromLegacy(int? maxRetries, double? backoffFactor)
    {
        if (maxRetries is null && backoffFactor is null)
        {
            return null;
        }

        return new RetryConfig
        {
            MaxAttempts = maxRetries + 1,
            BaseDelay = backoffFactor,
            MaxDelay = backoffFactor is { } factor ? Math.Max(2.5, 16 * factor) : null,
        };
    }

    private static void Set<T>(T? value, Action<T> assign, string name, Action<string>? applied)
        where T : struct
    {
        if (value is { } set)
        {
            assign(set);
            applied?.Invoke(name);
        }
    }

    private static void Set<T>(T? value, Action<T> assign, string name, Action<string>? applied)
        where T : class
    {
        if (value is not null)
        {
            assign(value);
            applied?.Invoke(name);
        }
    }
}
