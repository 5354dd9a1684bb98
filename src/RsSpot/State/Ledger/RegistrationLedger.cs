using Dapper;
using Microsoft.Data.Sqlite;

namespace RsSpot.State;

/// <summary>
/// Storage of the VM registration ledger (the <c>registration_ledger</c> table). Updates are partial merges done
/// read-modify-write inside one IMMEDIATE transaction, so concurrent writers (threads or processes) never lose
/// each other's fields. Transition rules belong to the workflow; <see cref="TryTransition"/> gives it an atomic
/// compare-and-set on the status.
/// </summary>
internal sealed class RegistrationLedger
{
    /// <summary>Largest page <see cref="List"/> returns.</summary>
    public const int MaxListLimit = 5000;

    private const string Columns =
        """
        registration_key AS Key, vm_uid AS VmUid, vm_name AS VmName, org_id AS OrgId, vmcloudspace AS VmCloudSpace,
        vmpool AS VmPool, target_cluster AS TargetCluster, status AS Status, token_id AS TokenId,
        token_expires_at AS TokenExpiresAt, last_error AS LastError, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
        payload_json AS PayloadJson, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private readonly StateStore _store;

    internal RegistrationLedger(StateStore store) => _store = store;

    /// <summary>Creates the row or merges <paramref name="update"/> into it; returns the stored row.</summary>
    /// <exception cref="ArgumentException">The row does not exist and the update lacks VmUid or Status.</exception>
    public RegistrationLedgerRecord Upsert(RegistrationLedgerUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _store.Write((c, tx) => Save(c, tx, Find(c, tx, update.Key), update));
    }

    /// <summary>
    /// Applies <paramref name="update"/> only if the row's status is <paramref name="expectedStatus"/> (null: only if the
    /// row does not exist yet). Atomic across threads and processes. Returns whether the update was applied.
    /// </summary>
    public bool TryTransition(string key, string? expectedStatus, RegistrationLedgerUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!string.Equals(key, update.Key, StringComparison.Ordinal))
        {
            throw new ArgumentException("the update is for a different registration key", nameof(update));
        }

        return _store.Write((c, tx) =>
        {
            var existing = Find(c, tx, key);
            if (!string.Equals(existing?.Status, expectedStatus, StringComparison.Ordinal))
            {
                return false;
            }

            Save(c, tx, existing, update);
            return true;
        });
    }

    /// <summary>The row for <paramref name="key"/>, or null.</summary>
    public RegistrationLedgerRecord? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _store.Read(c => c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM registration_ledger WHERE registration_key = @key", new { key }))?.ToRecord();
    }

    /// <summary>Rows, most recently updated first, optionally only those with <paramref name="status"/> (limit clamped to 1..5000).</summary>
    public IReadOnlyList<RegistrationLedgerRecord> List(string? status = null, int limit = 200) => _store.Read(c => c.Query<Row>(
        $"""
        SELECT {Columns} FROM registration_ledger
        WHERE @status IS NULL OR status = @status
        ORDER BY updated_at DESC, registration_key LIMIT @limit
        """,
        new { status, limit = Math.Clamp(limit, 1, MaxListLimit) }).Select(r => r.ToRecord()).ToList());

    /// <summary>Deletes a row; returns whether it existed.</summary>
    public bool Delete(string key) =>
        _store.Write((c, tx) => c.Execute("DELETE FROM registration_ledger WHERE registration_key = @key", new { key }, tx)) > 0;

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
        };
    }

    private static RegistrationLedgerRecord? Find(SqliteConnection c, SqliteTransaction tx, string key) =>
        c.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM registration_ledger WHERE registration_key = @key", new { key }, tx)?.ToRecord();

    private RegistrationLedgerRecord Save(SqliteConnection c, SqliteTransaction tx, RegistrationLedgerRecord? existing, RegistrationLedgerUpdate update)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(update.Key);
        var merged = Merge(existing, update, _store.Now);
        c.Execute(
            """
            INSERT INTO registration_ledger (registration_key, vm_uid, vm_name, org_id, vmcloudspace, vmpool, target_cluster, status,
                token_id, token_expires_at, last_error, attempts, next_attempt_at, payload_json, created_at, updated_at)
            VALUES (@Key, @VmUid, @VmName, @OrgId, @VmCloudSpace, @VmPool, @TargetCluster, @Status,
                @TokenId, @TokenExpiresAt, @LastError, @Attempts, @NextAttemptAt, @PayloadJson, @CreatedAt, @UpdatedAt)
            ON CONFLICT(registration_key) DO UPDATE SET
                vm_uid = excluded.vm_uid, vm_name = excluded.vm_name, org_id = excluded.org_id, vmcloudspace = excluded.vmcloudspace,
                vmpool = excluded.vmpool, target_cluster = excluded.target_cluster, status = excluded.status,
                token_id = excluded.token_id, token_expires_at = excluded.token_expires_at, last_error = excluded.last_error,
                attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at, payload_json = excluded.payload_json,
                updated_at = excluded.updated_at
            """,
            Row.From(merged),
            tx);
        return merged;
    }

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
        };
    }
}
