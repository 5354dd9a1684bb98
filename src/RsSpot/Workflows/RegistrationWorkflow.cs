using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.State;

namespace RsSpot.Workflows;

/// <summary>
/// A crash-safe ledger that walks Spot VMs into a cluster for an external orchestrator (for example a script that
/// creates Omni join tokens). Every mark is a guarded transition (see <see cref="RegistrationStatus"/>) applied
/// with a compare-and-set on the ledger row, so two processes can never both advance the same VM; a mark merges
/// only the fields it is given and never erases the token, error or payload.
/// </summary>
public sealed class RegistrationWorkflow
{
    private const string KeyPrefix = "vmreg-";

    private readonly RegistrationLedger _ledger;

    /// <summary>Creates the workflow over <paramref name="state"/>'s ledger; time comes from the store's clock.</summary>
    /// <param name="state">The state store holding the ledger.</param>
    public RegistrationWorkflow(StateStore state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _ledger = state.Ledger;
        Clock = state.Clock;
    }

    /// <summary>Clock used for token expiry and backoff.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Attempts (failures and unconfirmed submissions) before a VM is given up on (default 5).</summary>
    public int MaxAttempts
    {
        get => Retry.MaxAttempts;
        init => Retry = Retry with { MaxAttempts = value };
    }

    /// <summary>Wait after a VM's first failure (default 30 s); each further failure doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay
    {
        get => Retry.BaseDelay;
        init => Retry = Retry with { BaseDelay = value };
    }

    /// <summary>Longest wait between two attempts of a VM (default 15 minutes).</summary>
    public TimeSpan MaxDelay
    {
        get => Retry.MaxDelay;
        init => Retry = Retry with { MaxDelay = value };
    }

    /// <summary>Backoff applied by <see cref="MarkFailed"/>.</summary>
    internal RegistrationRetryPolicy Retry { get; private init; } = new();

    /// <summary>The ledger's storage (claims and leases for the runner).</summary>
    internal RegistrationLedger Ledger => _ledger;

    /// <summary>
    /// <c>vmreg-</c> + the first 32 hex digits of SHA-256 over <c>vm_uid|org_id|vmcloudspace|vmpool|cluster</c>
    /// (null as empty) — the reference's key, so ledgers written by either tool stay comparable.
    /// </summary>
    public static string RegistrationKey(string vmUid, string? orgId, string? vmCloudSpace, string? vmPool, string? cluster)
    {
        ArgumentNullException.ThrowIfNull(vmUid);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', vmUid, orgId ?? "", vmCloudSpace ?? "", vmPool ?? "", cluster ?? "")));
        return KeyPrefix + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>One candidate per VM assigned to each of <paramref name="vmCloudSpaces"/> (no ledger access, no filtering).</summary>
    /// <param name="vmCloudSpaces">VM cloudspaces from the inventory.</param>
    /// <param name="orgId">Organization id recorded in the key.</param>
    /// <param name="cluster">Cluster the VMs are to join.</param>
    public static IReadOnlyList<RegistrationCandidate> ListCandidates(IEnumerable<VmCloudSpace> vmCloudSpaces, string? orgId, string? cluster)
    {
        ArgumentNullException.ThrowIfNull(vmCloudSpaces);
        return [.. vmCloudSpaces.SelectMany(space => space.Servers.Select(vm => new RegistrationCandidate(
            RegistrationKey(vm.ServerName, orgId, space.Name, vm.VmPool, cluster),
            vm.ServerName,
            string.IsNullOrEmpty(vm.DisplayName) ? vm.ServerName : vm.DisplayName,
            orgId,
            space.Name,
            vm.VmPool,
            cluster)))];
    }

    /// <summary>Reads the organization's VM inventory and lists its candidates for <paramref name="cluster"/>.</summary>
    /// <param name="client">Client of the organization.</param>
    /// <param name="cluster">Cluster the VMs are to join.</param>
    /// <param name="org">Organization name or id; null for the client's.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public static IReadOnlyList<RegistrationCandidate> FetchCandidates(SpotClient client, string cluster, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var orgId = client.Organizations.Get(client.ResolveOrgName(org, cancellationToken), cancellationToken).Id;
        return ListCandidates(client.Inventory.ListVmCloudSpaces(org, cancellationToken), orgId, cluster);
    }

    /// <summary>Reads the organization's VM inventory and lists its candidates for <paramref name="cluster"/>.</summary>
    /// <param name="client">Client of the organization.</param>
    /// <param name="cluster">Cluster the VMs are to join.</param>
    /// <param name="org">Organization name or id; null for the client's.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public static async Task<IReadOnlyList<RegistrationCandidate>> FetchCandidatesAsync(SpotClient client, string cluster, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var name = await client.ResolveOrgNameAsync(org, cancellationToken).ConfigureAwait(false);
        var orgId = (await client.Organizations.GetAsync(name, cancellationToken).ConfigureAwait(false)).Id;
        return ListCandidates(await client.Inventory.ListVmCloudSpacesAsync(org, cancellationToken).ConfigureAwait(false), orgId, cluster);
    }

    /// <summary>
    /// Records the candidate as discovered. Idempotent: a VM already in the ledger keeps its status (a registered VM is
    /// never regressed), except a gone VM, which is back.
    /// </summary>
    /// <param name="candidate">The VM.</param>
    /// <param name="payloadJson">Optional JSON payload to store.</param>
    public RegistrationRecord MarkDiscovered(RegistrationCandidate candidate, string? payloadJson = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var update = new RegistrationLedgerUpdate
        {
            Key = candidate.Key,
            VmUid = candidate.VmUid,
            VmName = candidate.VmName,
            OrgId = candidate.OrgId,
            VmCloudSpace = candidate.VmCloudSpace,
            VmPool = candidate.VmPool,
            TargetCluster = candidate.Cluster,
            PayloadJson = ValidPayload(payloadJson),
        };
        while (true)
        {
            var current = Get(candidate.Key);
            var status = current is null || current.Status == RegistrationStatus.Gone ? RegistrationStatus.Discovered : current.Status;
            if (_ledger.TryTransition(candidate.Key, current?.Status.ToText(), update with { Status = status.ToText() }))
            {
                return Get(candidate.Key)!;
            }
        }
    }

    /// <summary>Records a join token for the VM (from discovered, failed, or token_issued to replace the token).</summary>
    /// <param name="key">Registration key.</param>
    /// <param name="tokenId">Id of the token (never the secret itself).</param>
    /// <param name="expiresAt">When the token expires; null when it does not.</param>
    /// <param name="payloadJson">Optional JSON payload to store.</param>
    /// <exception cref="ArgumentException">The token has already expired.</exception>
    public RegistrationRecord MarkTokenIssued(string key, string tokenId, DateTimeOffset? expiresAt = null, string? payloadJson = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenId);
        var token = new RegistrationToken(tokenId, expiresAt);
        EnsureUnexpired(token);
        return Mark(key, RegistrationStatus.TokenIssued, _ => TokenChange(key, token, payloadJson));
    }

    /// <summary>Records that the token was handed to the VM (only while the token is unexpired).</summary>
    /// <param name="key">Registration key.</param>
    /// <param name="payloadJson">Optional JSON payload to store.</param>
    public RegistrationRecord MarkSubmitted(string key, string? payloadJson = null) =>
        Mark(key, RegistrationStatus.Submitted, _ => Progress(key, payloadJson));

    /// <summary>Records that the VM joined the cluster.</summary>
    /// <param name="key">Registration key.</param>
    /// <param name="payloadJson">Optional JSON payload to store.</param>
    public RegistrationRecord MarkRegistered(string key, string? payloadJson = null) =>
        Mark(key, RegistrationStatus.Registered, _ => Progress(key, payloadJson));

    /// <summary>
    /// Records a failed attempt: one more attempt, the error, and the time of the next attempt. A runner retries a
    /// failed VM from a new token, so failing a submitted VM means "the submission did not take; start over".
    /// </summary>
    /// <param name="key">Registration key.</param>
    /// <param name="error">What went wrong (one line; never a secret).</param>
    /// <param name="payloadJson">Optional JSON payload to store.</param>
    public RegistrationRecord MarkFailed(string key, string error, string? payloadJson = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return Mark(key, RegistrationStatus.Failed, current => FailureChange(current, error, payloadJson));
    }

    /// <summary>Records that the VM is deliberately left out.</summary>
    /// <param name="key">Registration key.</param>
    /// <param name="payloadJson">Optional JSON payload to store.</param>
    public RegistrationRecord MarkSkipped(string key, string? payloadJson = null) =>
        Mark(key, RegistrationStatus.Skipped, _ => Progress(key, payloadJson));

    /// <summary>Records that the VM is no longer in the inventory.</summary>
    /// <param name="key">Registration key.</param>
    /// <param name="payloadJson">Optional JSON payload to store.</param>
    public RegistrationRecord MarkGone(string key, string? payloadJson = null) =>
        Mark(key, RegistrationStatus.Gone, _ => Progress(key, payloadJson));

    /// <summary>The VM's ledger entry, or null.</summary>
    /// <param name="key">Registration key.</param>
    public RegistrationRecord? Get(string key) => _ledger.Get(key) is { } row ? RegistrationRecord.From(row) : null;

    /// <summary>Ledger entries, most recently changed first.</summary>
    /// <param name="status">Only entries with this status; null for all.</param>
    /// <param name="limit">Most entries returned (clamped to 1..5000).</param>
    public IReadOnlyList<RegistrationRecord> List(RegistrationStatus? status = null, int limit = 200) =>
        [.. _ledger.List(status?.ToText(), limit).Select(RegistrationRecord.From)];

    /// <summary>Forgets the VM, so its next discovery starts afresh. Returns whether it was in the ledger.</summary>
    /// <param name="key">Registration key.</param>
    public bool Reset(string key) => _ledger.Delete(key);

    /// <summary>
    /// Marks gone every ledger entry of <paramref name="cluster"/> (and <paramref name="orgId"/>, when given) whose VM is
    /// not among <paramref name="current"/>; returns the entries it marked.
    /// </summary>
    /// <param name="current">Every candidate of the inventory as it is now.</param>
    /// <param name="cluster">Cluster whose entries are checked.</param>
    /// <param name="orgId">Organization whose entries are checked; null for all.</param>
    public IReadOnlyList<RegistrationRecord> Reconcile(IEnumerable<RegistrationCandidate> current, string cluster, string? orgId = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var present = current.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var vanished = List(limit: RegistrationLedger.MaxListLimit).Where(r =>
            r.Status != RegistrationStatus.Gone && !present.Contains(r.Key) &&
            string.Equals(r.Cluster, cluster, StringComparison.Ordinal) && (orgId is null || string.Equals(r.OrgId, orgId, StringComparison.Ordinal)));
        return [.. vanished.Where(r => TryAdvance(r.Key, r.Status, RegistrationStatus.Gone, _ => Change(r.Key, null))).Select(r => Get(r.Key)!)];
    }

    /// <summary>
    /// Moves the VM to <paramref name="to"/> only if it is still in <paramref name="expected"/> (and the move is legal);
    /// false when another writer got there first. The runner's claim on a VM.
    /// </summary>
    /// <remarks>With <paramref name="owner"/>, only while that runner holds the VM's lease (a mark passes null: it needs none).</remarks>
    /// <exception cref="RegistrationTransitionException">The move is not legal from <paramref name="expected"/>.</exception>
    internal bool TryAdvance(string key, RegistrationStatus expected, RegistrationStatus to, Func<RegistrationRecord, RegistrationLedgerUpdate> change, string? owner = null)
    {
        var current = Get(key);
        if (current is null || current.Status != expected)
        {
            return false;
        }

        RegistrationTransitions.Check(current, to, Clock.GetUtcNow());
        return _ledger.TryTransition(key, expected.ToText(), change(current) with { Status = to.ToText() }, owner);
    }

    /// <summary>The VMs of <paramref name="keys"/> a runner still has work on: unfinished, and failed ones only while retries remain.</summary>
    internal LedgerWork WorkOf(IReadOnlyCollection<string> keys) => new(
        keys,
        [.. Enum.GetValues<RegistrationStatus>().Where(status => !RegistrationTransitions.IsTerminal(status)).Select(status => status.ToText())],
        RegistrationStatus.Failed.ToText(),
        Retry.MaxAttempts);

    /// <summary>The change of a failure: one more attempt, the error, and the backoff after it.</summary>
    internal RegistrationLedgerUpdate FailureChange(RegistrationRecord current, string error, string? payloadJson) => Change(current.Key, payloadJson) with
    {
        LastError = error,
        IncrementAttempts = true,
        NextAttemptAt = Clock.GetUtcNow() + Retry.DelayAfter(current.Attempts + 1),
    };

    /// <summary>The change of a step forward: the payload, if given, and no pending retry.</summary>
    internal static RegistrationLedgerUpdate Progress(string key, string? payloadJson) =>
        Change(key, payloadJson) with { ClearFields = RegistrationLedgerFields.NextAttemptAt };

    /// <summary>The change of a new token; its expiry belongs to it, so a token without one clears the old token's.</summary>
    internal static RegistrationLedgerUpdate TokenChange(string key, RegistrationToken token, string? payloadJson) => Progress(key, payloadJson) with
    {
        TokenId = token.Id,
        TokenExpiresAt = token.ExpiresAt,
        ClearFields = RegistrationLedgerFields.NextAttemptAt | (token.ExpiresAt is null ? RegistrationLedgerFields.TokenExpiresAt : RegistrationLedgerFields.None),
    };

    /// <exception cref="ArgumentException">The token has already expired.</exception>
    internal void EnsureUnexpired(RegistrationToken token)
    {
        if (token.ExpiresAt <= Clock.GetUtcNow())
        {
            throw new ArgumentException($"token '{token.Id}' has already expired ({token.ExpiresAt:O})", nameof(token));
        }
    }

    /// <summary>A change that touches nothing but the payload, if one is given.</summary>
    internal static RegistrationLedgerUpdate Change(string key, string? payloadJson) => new() { Key = key, PayloadJson = ValidPayload(payloadJson) };

    private RegistrationRecord Mark(string key, RegistrationStatus to, Func<RegistrationRecord, RegistrationLedgerUpdate> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);

        // Re-read and re-check when another writer changed the status between our read and our write.
        while (true)
        {
            var current = Get(key) ?? throw new SpotNotFoundException($"no registration '{key}' in the ledger (discover the VM first)");
            if (TryAdvance(key, current.Status, to, change))
            {
                return Get(key)!;
            }
        }
    }

    private static string? ValidPayload(string? payloadJson)
    {
        if (payloadJson is null)
        {
            return null;
        }

        try
        {
            return JToken.Parse(payloadJson).ToString(Newtonsoft.Json.Formatting.None);
        }
        catch (Newtonsoft.Json.JsonReaderException ex)
        {
            throw new ArgumentException($"the payload is not valid JSON: {ex.Message}", nameof(payloadJson), ex);
        }
    }
}
