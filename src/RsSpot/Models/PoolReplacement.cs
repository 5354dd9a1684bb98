namespace RsSpot.Models;

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
