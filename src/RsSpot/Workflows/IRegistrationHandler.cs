namespace RsSpot.Workflows;

/// <summary>
/// The orchestrator's side of a registration, called by <see cref="RegistrationRunner"/>. RsSpot knows nothing of
/// the cluster manager (Omni or another): these callbacks do the real work.
/// </summary>
/// <remarks>
/// Idempotency contract. <see cref="IssueTokenAsync"/> may be called more than once for a VM (after a failure, an
/// expired token, or a race lost to another runner); tokens that are not used are simply abandoned.
/// <see cref="SubmitAsync"/> is called only by the runner that moved the VM from token_issued to submitted in the
/// ledger, and that move is made before the call: a VM in submitted is only ever re-confirmed, never re-submitted,
/// even after a crash or by a second runner. If Submit throws, the VM is marked failed and a later attempt starts
/// again with a new token, so a throwing Submit must mean "not applied". <see cref="ConfirmAsync"/> may be called
/// any number of times and must not change anything. Exception messages are stored in the ledger as the last
/// error, so they must never carry a token or other secret.
/// </remarks>
public interface IRegistrationHandler
{
    /// <summary>Creates a join token for the VM.</summary>
    /// <param name="record">The VM's ledger entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<RegistrationToken> IssueTokenAsync(RegistrationRecord record, CancellationToken cancellationToken);

    /// <summary>Hands the token (or a machine configuration carrying it) to the VM.</summary>
    /// <param name="record">The VM's ledger entry, already in submitted, with the token id to use.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task SubmitAsync(RegistrationRecord record, CancellationToken cancellationToken);

    /// <summary>Checks whether the VM has joined the cluster; false when not yet.</summary>
    /// <param name="record">The VM's ledger entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> ConfirmAsync(RegistrationRecord record, CancellationToken cancellationToken);
}

/// <summary>A join token as the ledger records it: its id and expiry, never the secret.</summary>
/// <param name="Id">Token id.</param>
/// <param name="ExpiresAt">When it expires; null when it does not.</param>
public sealed record RegistrationToken(string Id, DateTimeOffset? ExpiresAt);
