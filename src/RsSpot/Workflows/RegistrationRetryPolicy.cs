namespace RsSpot.Workflows;

/// <summary>
/// How failed registrations are retried (set through <see cref="RegistrationWorkflow"/>'s properties): each failure waits <see cref="BaseDelay"/> × 2^(attempts − 1), capped at
/// <see cref="MaxDelay"/>; after <see cref="MaxAttempts"/> attempts the VM stays failed until reset. Deterministic
/// (no jitter), so the next attempt time recorded in the ledger is the one that is honoured.
/// </summary>
internal sealed record RegistrationRetryPolicy
{
    /// <summary>Attempts (failures and unconfirmed submissions) before a VM is given up on.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait after the first failure.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Wait before the next attempt once <paramref name="attempts"/> attempts have failed.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks));
    }

    /// <summary>Whether a VM with <paramref name="attempts"/> failed attempts may still be retried.</summary>
    public bool AllowsRetry(int attempts) => attempts < MaxAttempts;
}
