namespace RsSpot;

/// <summary>How transient failures are retried. Delays grow exponentially with jitter and never exceed <see cref="MaxDelay"/>.</summary>
public sealed class RetryOptions
{
    /// <summary>Total attempts including the first one (1 disables retries).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; doubled for each further one.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(0.2);

    /// <summary>Upper bound of any single delay (a server's Retry-After is capped by <see cref="MaxRetryAfter"/> instead).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Random spread applied to each delay, as a fraction of it (0.2 = ±20 %).</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>HTTP statuses that are retried.</summary>
    public ISet<int> RetryStatuses { get; set; } = new HashSet<int> { 408, 429, 500, 502, 503, 504 };

    /// <summary>Longest server-requested Retry-After that is honoured; longer waits fail fast.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The default <see cref="OverallTimeout"/>: 100 s, like HttpClient's own default timeout.</summary>
    public static readonly TimeSpan DefaultOverallTimeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Deadline for one logical call including all retries and their delays (default 100 s); null means the attempts
    /// alone bound it (max attempts × the per-attempt timeout, plus delays).
    /// </summary>
    public TimeSpan? OverallTimeout { get; set; } = DefaultOverallTimeout;

    /// <summary>Returns an independent copy.</summary>
    public RetryOptions Clone() => new()
    {
        MaxAttempts = MaxAttempts,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        Jitter = Jitter,
        RetryStatuses = new HashSet<int>(RetryStatuses),
        MaxRetryAfter = MaxRetryAfter,
        OverallTimeout = OverallTimeout,
    };
}
