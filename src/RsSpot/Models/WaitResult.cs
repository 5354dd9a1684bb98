namespace RsSpot.Models;

/// <summary>
/// How a wait ended. Only <see cref="Reached"/> is success; every other value is an answer too (the wait is not an
/// error), each with its own remedy: see <see cref="WaitResult{T}.Advice"/>.
/// </summary>
public enum WaitOutcome
{
    /// <summary>The cloudspace is Ready, or the pool holds the servers asked for.</summary>
    Reached,

    /// <summary>The time ran out while the resource was still on its way (it keeps going).</summary>
    TimedOut,

    /// <summary>Phase <c>Error</c> (or a condition of severity Error): the platform gave up on it.</summary>
    Failed,

    /// <summary>Cloudspace phase <c>NoWinningBids</c>: none of its spot pools won servers.</summary>
    NoWinningBids,

    /// <summary>Spot pool bid status <c>Lost</c>: the market price rose above the bid.</summary>
    Lost,

    /// <summary><c>SpeedBump Hit</c>: the organization reached a provisioning limit of the platform.</summary>
    SpeedBumpHit,

    /// <summary><c>SubscriptionSuspended</c>: the organization's subscription (billing) is suspended.</summary>
    SubscriptionSuspended,

    /// <summary>The resource is being deleted, or is gone.</summary>
    Deleted,
}

/// <summary>The end of a wait: its outcome, the last state seen, and one line each on what happened and what to do.</summary>
/// <typeparam name="T">The resource waited for.</typeparam>
/// <param name="Outcome">How the wait ended.</param>
/// <param name="Resource">The last state observed; null when the resource is gone.</param>
/// <param name="Elapsed">How long the wait took.</param>
/// <param name="Message">What happened, e.g. <c>spot pool 5f0c... lost its bid (won 0/3)</c>.</param>
/// <param name="Advice">What to do about it; empty on success.</param>
public sealed record WaitResult<T>(WaitOutcome Outcome, T? Resource, TimeSpan Elapsed, string Message, string Advice)
    where T : class
{
    /// <summary>True when the wait reached its goal.</summary>
    public bool Succeeded => Outcome == WaitOutcome.Reached;
}
