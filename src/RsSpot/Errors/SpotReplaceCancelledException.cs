namespace RsSpot;

/// <summary>
/// A pool replacement was cancelled while the new pool was being created or waited for. The new pool was deleted
/// (unless <see cref="RollbackError"/> says why it could not be) and the old pool left untouched; the message says so.
/// </summary>
public sealed class SpotReplaceCancelledException : OperationCanceledException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What happened to both pools.</param>
    /// <param name="newPoolName">The new pool's name.</param>
    /// <param name="rollbackError">Why the new pool could not be deleted; null when it was.</param>
    /// <param name="token">The token that cancelled the replacement.</param>
    public SpotReplaceCancelledException(string message, string newPoolName, string? rollbackError, CancellationToken token)
        : base(message, token)
    {
        NewPoolName = newPoolName;
        RollbackError = rollbackError;
    }

    /// <summary>The new pool's name.</summary>
    public string NewPoolName { get; }

    /// <summary>Why the new pool could not be deleted (it must be deleted by hand); null when it was.</summary>
    public string? RollbackError { get; }
}
