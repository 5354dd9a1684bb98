using System.Data.Common;
using Dapper;

namespace RsSpot.State;

/// <summary>
/// Storage of the VM registration ledger (the <c>registration_ledger</c> table) on the shared database: state.db or
/// PostgreSQL, with the same SQL. Updates are partial merges: the row is read (and locked, on PostgreSQL) and written
/// back with one conditional UPDATE in the same transaction, so concurrent writers (threads, processes, machines)
/// never lose each other's fields. Transition rules belong to the workflow; <see cref="TryTransition"/> gives it an
/// atomic compare-and-set on the status, optionally also on the runner holding the row's lease
/// (see <see cref="RegistrationLedger.Claim"/>).
/// </summary>
internal sealed partial class RegistrationLedger
{
    /// <summary>Largest page <see cref="List"/> returns.</summary>
    public const int MaxListLimit = 5000;

    private const string Columns =
        """
        registration_key AS Key, vm_uid AS VmUid, vm_name AS VmName, org_id AS OrgId, vmcloudspace AS VmCloudSpace,
        vmpool AS VmPool, target_cluster AS TargetCluster, status AS Status, token_id AS TokenId,
        token_expires_at AS TokenExpiresAt, last_error AS LastError, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
        payload_json AS PayloadJson, created_at AS CreatedAt, updated_at AS UpdatedAt, claimed_by AS ClaimedBy, lease_until AS LeaseUntil
        """;

    private const string Insert =
        """
        INSERT INTO registration_ledger (registration_key, vm_uid, vm_name, org_id, vmcloudspace, vmpool, target_cluster, status,
            token_id, token_expires_at, last_error, attempts, next_attempt_at, payload_json, created_at, updated_at, claimed_by, lease_until)
        VALUES (@Key, @VmUid, @VmName, @OrgId, @VmCloudSpace, @VmPool, @TargetCluster, @Status,
            @TokenId, @TokenExpiresAt, @LastError, @Attempts, @NextAttemptAt, @PayloadJson, @CreatedAt, @UpdatedAt, @ClaimedBy, @LeaseUntil)
        ON CONFLICT(registration_key) DO NOTHING
        """;

    // Leases are not written here: only Claim, Renew and Release move them.
    private const string Update =
        """
        UPDATE registration_ledger SET
            vm_uid = @VmUid, vm_name = @VmName, org_id = @OrgId, vmcloudspace = @VmCloudSpace, vmpool = @VmPool,
            target_cluster = @TargetCluster, status = @Status, token_id = @TokenId, token_expires_at = @TokenExpiresAt,
            last_error = @LastError, attempts = @Attempts, next_attempt_at = @NextAttemptAt, payload_json = @PayloadJson,
            updated_at = @UpdatedAt
        WHERE registration_key = @Key AND status = @ExpectedStatus
        """;

    private readonly SharedDatabase _db;
    private readonly TimeProvider _clock;

    internal RegistrationLedger(SharedDatabase db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Creates the row or merges <paramref name="update"/> into it; returns the stored row.</summary>
    /// <exception cref="ArgumentException">The row does not exist and the update lacks VmUid or Status.</exception>
    public RegistrationLedgerRecord Upsert(RegistrationLedgerUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Apply(update, guarded: false, expectedStatus: null, owner: null)!;
    }

    /// <summary>
    /// Applies <paramref name="update"/> only if the row's status is <paramref name="expectedStatus"/> (null: only if the
    /// row does not exist yet) and, when <paramref name="owner"/> is given, only while that runner holds the row's lease.
    /// Atomic across threads, processes and machines. Returns whether the update was applied.
    /// </summary>
    public bool TryTransition(string key, string? expectedStatus, RegistrationLedgerUpdate update, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!string.Equals(key, update.Key, StringComparison.Ordinal))
        {
            throw new ArgumentException("the update is for a different registration key", nameof(update));
        }

        return Apply(update, guarded: true, expectedStatus, owner) is not null;
    }

    /// <summary>The row for <paramref name="key"/>, or null.</summary>
    public RegistrationLedgerRecord? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _db.Read(c => c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM registration_ledger WHERE registration_key = @key", new { key }))?.ToRecord();
    }

    /// <summary>Rows, most recently updated first, optionally only those with <paramref name="status"/> (limit clamped to 1..5000).</summary>
    public IReadOnlyList<RegistrationLedgerRecord> List(string? status = null, int limit = 200) => _db.Read(c => c.Query<Row>(
        $"""
        SELECT {Columns} FROM registration_ledger
        WHERE @status IS NULL OR status = @status
        ORDER BY updated_at DESC, registration_key LIMIT @limit
        """,
        new { status, limit = Math.Clamp(limit, 1, MaxListLimit) }).Select(r => r.ToRecord()).ToList());

    /// <summary>Deletes a row; returns whether it existed.</summary>
    public bool Delete(string key) =>
        _db.Write((c, tx) => c.Execute("DELETE FROM registration_ledger WHERE registration_key = @key", new { key }, tx)) > 0;

    /// <summary>The row as it is after merging <paramref name="update"/> into <paramref name="existing"/> (null: a new row).</summary>
    internal static RegistrationLedgerRecord Merge(RegistrationLedgerRecord? existing, RegistrationLedgerUpdate update, DateTimeOffset now)
    {
        var clear = update.ClearFields;
        T? Pick<T>(T? given, T? current, RegistrationLedgerFields field) => clear.HasFlag(field) ? default : given ?? current;

        var vmUid = update.VmUid ?? existing?.VmUid;
        var status = update.Status ?? existing?.Status;
        if (vmUid is null || status is null)
        {
            throw new ArgumentException($"a new ledger row '{update.Key}' needs VmUid and Status", nameof(update));
        }

        return new RegistrationLedgerRecord
        {
            Key = update.Key,
            VmUid = vmUid,
            Status = status,
            VmName = Pick(update.VmName, existing?.VmName, RegistrationLedgerFields.VmName),
            OrgId = Pick(update.OrgId, existing?.OrgId, RegistrationLedgerFields.OrgId),
            VmCloudSpace = Pick(update.VmCloudSpace, existing?.VmCloudSpace, RegistrationLedgerFields.VmCloudSpace),
            VmPool = Pick(update.VmPool, existing?.VmPool, RegistrationLedgerFields.VmPool),
            TargetCluster = Pick(update.TargetCluster, existing?.TargetCluster, RegistrationLedgerFields.TargetCluster),
            TokenId = Pick(update.TokenId, existing?.TokenId, RegistrationLedgerFields.TokenId),
            TokenExpiresAt = Pick(update.TokenExpiresAt, existing?.TokenExpiresAt, RegistrationLedgerFields.TokenExpiresAt),
            LastError = Pick(update.LastError, existing?.LastError, RegistrationLedgerFields.LastError),
            NextAttemptAt = Pick(update.NextAttemptAt, existing?.NextAttemptAt, RegistrationLedgerFields.NextAttemptAt),
            PayloadJson = Pick(update.PayloadJson, existing?.PayloadJson, RegistrationLedgerFields.Payload),
            Attempts = (update.Attempts ?? existing?.Attempts ?? 0) + (update.IncrementAttempts ? 1 : 0),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            ClaimedBy = existing?.ClaimedBy,
            LeaseUntil = existing?.LeaseUntil,
        };
    }

    /// <summary>
    /// Reads the row (locked until the commit on PostgreSQL; sqlite's write transaction excludes other writers), checks
    /// the expectations and writes the merge with one conditional statement. Null when an expectation failed.
    /// </summary>
    private RegistrationLedgerRecord? Apply(RegistrationLedgerUpdate update, bool guarded, string? expectedStatus, string? owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(update.Key);
        while (true)
        {
            var (settled, stored) = _db.Write((c, tx) =>
            {
                var existing = Find(c, tx, update.Key);
                if ((guarded && !string.Equals(existing?.Status, expectedStatus, StringComparison.Ordinal))
                    || (owner is not null && !string.Equals(existing?.ClaimedBy, owner, StringComparison.Ordinal)))
                {
                    return (true, (RegistrationLedgerRecord?)null);
                }

                var merged = Merge(existing, update, _clock.GetUtcNow());
                if (existing is null)
                {
                    // Another writer may create the row first: a guarded create then fails, an upsert merges into theirs.
                    var inserted = c.Execute(Insert, Row.From(merged), tx) == 1;
                    return (inserted || guarded, inserted ? merged : null);
                }

                var parameters = new DynamicParameters(Row.From(merged));
                parameters.Add("ExpectedStatus", existing.Status);
                if (owner is not null)
                {
                    parameters.Add("Owner", owner);
                }

                var updated = c.Execute(owner is null ? Update : Update + " AND claimed_by = @Owner", parameters, tx) == 1;
                return (true, updated ? merged : null);
            });
            if (settled)
            {
                return stored;
            }
        }
    }

    private RegistrationLedgerRecord? Find(DbConnection c, DbTransaction tx, string key) =>
        c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM registration_ledger WHERE registration_key = @key{_db.LockRows}", new { key }, tx)?.ToRecord();

    /// <summary>Column-shaped twin of the record (instants as Unix milliseconds).</summary>
    private sealed class Row
    {
        public string Key { get; set; } = "";
        public string VmUid { get; set; } = "";
        public string? VmName { get; set; }
        public string? OrgId { get; set; }
        public string? VmCloudSpace { get; set; }
        public string? VmPool { get; set; }
        public string? TargetCluster { get; set; }
        public string Status { get; set; } = "";
        public string? TokenId { get; set; }
        public long? TokenExpiresAt { get; set; }
        public string? LastError { get; set; }
        public long Attempts { get; set; }
        public long? NextAttemptAt { get; set; }
        public string? PayloadJson { get; set; }
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }
        public string? ClaimedBy { get; set; }
        public long? LeaseUntil { get; set; }

        public static Row From(RegistrationLedgerRecord r) => new()
        {
            Key = r.Key,
            VmUid = r.VmUid,
            VmName = r.VmName,
            OrgId = r.OrgId,
            VmCloudSpace = r.VmCloudSpace,
            VmPool = r.VmPool,
            TargetCluster = r.TargetCluster,
            Status = r.Status,
            TokenId = r.TokenId,
            TokenExpiresAt = UnixTime.ToMs(r.TokenExpiresAt),
            LastError = r.LastError,
            Attempts = r.Attempts,
            NextAttemptAt = UnixTime.ToMs(r.NextAttemptAt),
            PayloadJson = r.PayloadJson,
            CreatedAt = UnixTime.ToMs(r.CreatedAt),
            UpdatedAt = UnixTime.ToMs(r.UpdatedAt),
            ClaimedBy = r.ClaimedBy,
            LeaseUntil = UnixTime.ToMs(r.LeaseUntil),
        };

        public RegistrationLedgerRecord ToRecord() => new()
        {
            Key = Key,
            VmUid = VmUid,
            VmName = VmName,
            OrgId = OrgId,
            VmCloudSpace = VmCloudSpace,
            VmPool = VmPool,
            TargetCluster = TargetCluster,
            Status = Status,
            TokenId = TokenId,
            TokenExpiresAt = UnixTime.FromMs(TokenExpiresAt),
            LastError = LastError,
            Attempts = (int)Attempts,
            NextAttemptAt = UnixTime.FromMs(NextAttemptAt),
            PayloadJson = PayloadJson,
            CreatedAt = UnixTime.FromMs(CreatedAt),
            UpdatedAt = UnixTime.FromMs(UpdatedAt),
            ClaimedBy = ClaimedBy,
            LeaseUntil = UnixTime.FromMs(LeaseUntil),
        };
    }
}
