namespace RsSpot.Models;

/// <summary>What both kinds of pool replacement take: the new pool's class and size, and how long to wait for it.</summary>
public abstract record ReplaceNodePoolRequest
{
    /// <summary>Server class of the new pool (may be the same as the old one's).</summary>
    public required string ServerClass { get; init; }

    /// <summary>Servers the new pool must win before the old one is deleted; null keeps the old pool's desired count.</summary>
    public int? Desired { get; init; }

    /// <summary>Longest wait for the new pool (default 30 minutes); past it the new pool is deleted.</summary>
    public TimeSpan? WaitTimeout { get; init; }
}

/// <summary>A spot pool replacement: the new class, and optionally a new bid.</summary>
public sealed record ReplaceSpotNodePoolRequest : ReplaceNodePoolRequest
{
    /// <summary>Bid of the new pool; null keeps the old pool's bid (checked against the new class).</summary>
    public string? BidPrice { get; init; }

    /// <summary>Accept a bid above the on-demand price or the market limit of <see cref="Pricing.BidGuard"/>.</summary>
    public bool AllowHighBid { get; init; }
}

/// <summary>An on-demand pool replacement.</summary>
public sealed record ReplaceOnDemandNodePoolRequest : ReplaceNodePoolRequest;

/// <summary>The result of replacing a pool: create the new one, wait until it holds its servers, then delete the old one.</summary>
/// <typeparam name="T">Pool kind.</typeparam>
public sealed record PoolReplacement<T>
    where T : NodePool
{
    /// <summary>The old pool as it was read before the replacement.</summary>
    public required T OldPool { get; init; }

    /// <summary>Name of the new pool (deleted again when rolled back).</summary>
    public required string NewPoolName { get; init; }

    /// <summary>How the wait for the new pool ended; its resource is the new pool's last state.</summary>
    public required WaitResult<T> Wait { get; init; }

    /// <summary>When rolling back, why the new pool could not be deleted (it must then be deleted by hand); null otherwise.</summary>
    public string? RollbackError { get; init; }

    /// <summary>One line saying what happened to both pools.</summary>
    public required string Message { get; init; }

    /// <summary>True when the old pool was replaced; otherwise the new pool was rolled back (see <see cref="Wait"/> for why).</summary>
    public bool Succeeded => Wait.Succeeded;
}
