namespace RsSpot.State;

/// <summary>
/// The versioned schema of the shared PostgreSQL database: only the shared tables (per-user stores stay in state.db).
/// Numbered independently of state.db's schema. Instants are Unix milliseconds (BIGINT) as in state.db, and keys
/// compare byte-wise (<c>COLLATE "C"</c>), so both backends sort alike.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Every migration; a new shared table is added as the next version.</summary>
    public static IReadOnlyList<StateMigration> Migrations { get; } =
    [
        // v1: the registration ledger, with its leases.
        new(1, """
        CREATE TABLE registration_ledger (
            registration_key TEXT COLLATE "C" PRIMARY KEY,
            vm_uid TEXT NOT NULL,
            vm_name TEXT,
            org_id TEXT,
            vmcloudspace TEXT,
            vmpool TEXT,
            target_cluster TEXT,
            status TEXT NOT NULL,
            token_id TEXT,
            token_expires_at BIGINT,
            last_error TEXT,
            attempts BIGINT NOT NULL DEFAULT 0,
            next_attempt_at BIGINT,
            payload_json TEXT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            claimed_by TEXT,
            lease_until BIGINT);
        CREATE INDEX ix_registration_status ON registration_ledger(status, updated_at);
        CREATE INDEX ix_registration_vm ON registration_ledger(vm_uid);
        CREATE INDEX ix_registration_claim ON registration_ledger(claimed_by);
        """),

        // v2: the event history (rsspot watch, the webhook receiver) and the state each watch compares with.
        new(2, """
        CREATE TABLE events (
            id BIGSERIAL PRIMARY KEY,
            occurred_at BIGINT NOT NULL,
            type TEXT COLLATE "C" NOT NULL,
            source TEXT NOT NULL,
            profile TEXT,
            org TEXT,
            region TEXT,
            cloudspace TEXT COLLATE "C",
            pool TEXT COLLATE "C",
            server TEXT,
            message TEXT NOT NULL,
            data_json TEXT);
        CREATE INDEX ix_events_occurred ON events(occurred_at);
        CREATE INDEX ix_events_cloudspace ON events(cloudspace, occurred_at);

        CREATE TABLE watch_checkpoints (
            scope TEXT COLLATE "C" NOT NULL,
            cloudspace TEXT COLLATE "C" NOT NULL,
            state_json TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (scope, cloudspace));
        """),
    ];

    /// <summary>Newest version this build knows.</summary>
    public static int LatestVersion => Migrations.Max(m => m.Version);
}
