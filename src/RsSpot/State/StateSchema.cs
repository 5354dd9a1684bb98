using Dapper;
using Microsoft.Data.Sqlite;

namespace RsSpot.State;

/// <summary>
/// The versioned schema of state.db. Migrations only move forward and only add; each runs once, inside the same
/// IMMEDIATE transaction that records it, so several processes opening a fresh file at once apply it exactly once.
/// Each carries its own number and a database gets every migration it has not recorded, so migrations written on two
/// branches (v3 and v4) merge without renumbering, whichever of them a database already has.
/// </summary>
internal static class StateSchema
{
    /// <summary>Every migration of state.db.</summary>
    internal static readonly IReadOnlyList<StateMigration> Migrations =
    [
        // v1: every store the CLI and SDK use.
        new(1, """
        CREATE TABLE preferences (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at INTEGER NOT NULL);

        CREATE TABLE http_cache (
            key TEXT PRIMARY KEY,
            scope TEXT NOT NULL,
            method TEXT NOT NULL,
            resource TEXT NOT NULL,
            status INTEGER NOT NULL,
            headers_json TEXT NOT NULL,
            body BLOB NOT NULL,
            etag TEXT,
            expires_at INTEGER NOT NULL,
            last_access_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            hits INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX ix_http_cache_resource ON http_cache(resource);
        CREATE INDEX ix_http_cache_last_access ON http_cache(last_access_at);

        CREATE TABLE cache_counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL);
        INSERT INTO cache_counters (name, value) VALUES ('hits', 0), ('misses', 0);

        CREATE TABLE token_cache (
            profile TEXT NOT NULL,
            oauth_url TEXT NOT NULL,
            refresh_token_hash TEXT NOT NULL,
            id_token TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (profile, oauth_url, refresh_token_hash));

        CREATE TABLE command_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at INTEGER NOT NULL,
            command TEXT NOT NULL,
            argv_json TEXT NOT NULL,
            profile TEXT,
            org TEXT,
            region TEXT,
            exit_code INTEGER,
            duration_ms INTEGER);
        CREATE INDEX ix_command_history_started ON command_history(started_at);

        CREATE TABLE registration_ledger (
            registration_key TEXT PRIMARY KEY,
            vm_uid TEXT NOT NULL,
            vm_name TEXT,
            org_id TEXT,
            vmcloudspace TEXT,
            vmpool TEXT,
            target_cluster TEXT,
            status TEXT NOT NULL,
            token_id TEXT,
            token_expires_at INTEGER,
            last_error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER,
            payload_json TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE INDEX ix_registration_status ON registration_ledger(status, updated_at);
        CREATE INDEX ix_registration_vm ON registration_ledger(vm_uid);
        """),

        // v2: creates whose outcome is unknown (so a re-run reuses their generated name), and rotated refresh tokens.
        new(2, """
        CREATE TABLE pending_creates (
            kind TEXT NOT NULL,
            scope TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (kind, scope, fingerprint));

        ALTER TABLE token_cache ADD COLUMN rotated_refresh_token TEXT;
        """),

        // v3: the local event history (rsspot watch, the webhook receiver) and the state each watch compares with.
        new(3, """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            occurred_at INTEGER NOT NULL,
            type TEXT NOT NULL,
            source TEXT NOT NULL,
            profile TEXT,
            org TEXT,
            region TEXT,
            cloudspace TEXT,
            pool TEXT,
            server TEXT,
            message TEXT NOT NULL,
            data_json TEXT);
        CREATE INDEX ix_events_occurred ON events(occurred_at);
        CREATE INDEX ix_events_cloudspace ON events(cloudspace, occurred_at);

        CREATE TABLE watch_checkpoints (
            scope TEXT NOT NULL,
            cloudspace TEXT NOT NULL,
            state_json TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (scope, cloudspace));
        """),

        // v4: leases on ledger rows, so runners on several machines (or processes) never work on one VM at once.
        new(4, """
        ALTER TABLE registration_ledger ADD COLUMN claimed_by TEXT;
        ALTER TABLE registration_ledger ADD COLUMN lease_until INTEGER;
        CREATE INDEX ix_registration_claim ON registration_ledger(claimed_by);
        """),
    ];

    /// <summary>Newest schema version this build knows.</summary>
    public static int LatestVersion => Migrations.Max(m => m.Version);

    /// <summary>
    /// Whether the store has recorded every migration this build knows, from one read of <c>schema_version</c> (which
    /// also has sqlite parse the schema, so a damaged first page shows here). Versions are counted, not compared with
    /// the newest: a store made by a build that knew v4 but not v3 is not current. A file without that table (new, the
    /// Python store's, someone else's) is not; other failures, such as corruption, are the caller's.
    /// </summary>
    public static bool IsCurrent(SqliteConnection connection)
    {
        try
        {
            return Sql.Scalar(connection, null, KnownVersionsRecorded) is long recorded && recorded == Migrations.Count;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1 /* SQLITE_ERROR: no such table */)
        {
            return false;
        }
    }

    /// <summary>
    /// Brings the database up to <see cref="LatestVersion"/>. A database newer than this build is used as is
    /// (migrations are additive). Throws <see cref="StateFileUnreadableException"/> for a foreign database.
    /// </summary>
    public static void Migrate(SqliteConnection connection, DateTimeOffset now) => Migrate(connection, now, Migrations);

    /// <summary>The newest version recorded in the database (0 before the first migration).</summary>
    public static int CurrentVersion(SqliteConnection connection) => StateMigration.CurrentVersion(connection, transaction: null);

    /// <summary><see cref="Migrate(SqliteConnection, DateTimeOffset)"/> with another list (tests of the merge rule).</summary>
    internal static void Migrate(SqliteConnection connection, DateTimeOffset now, IReadOnlyList<StateMigration> migrations)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        var tables = connection.Query<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", transaction: tx).ToList();
        if (!tables.Contains("schema_version"))
        {
            if (tables.Count > 0)
            {
                // Someone else's database (the Python rsspot's is imported before this point): never write into it.
                throw new StateFileUnreadableException($"it is not an RsSpot state store (tables: {string.Join(", ", tables.Take(5))})");
            }

            connection.Execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)", transaction: tx);
        }

        StateMigration.ApplyMissing(connection, tx, migrations, now);
        tx.Commit();
    }

    private static readonly string KnownVersionsRecorded =
        $"SELECT COUNT(DISTINCT version) FROM schema_version WHERE version IN ({string.Join(", ", Migrations.Select(m => m.Version))})";
}
