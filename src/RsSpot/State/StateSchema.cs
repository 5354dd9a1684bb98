using Dapper;
using Microsoft.Data.Sqlite;

namespace RsSpot.State;

/// <summary>
/// The versioned schema of state.db. Migrations only move forward and only add; each runs once, inside the same
/// IMMEDIATE transaction that records it, so several processes opening a fresh file at once apply it exactly once.
/// </summary>
internal static class StateSchema
{
    private static readonly string[] Migrations =
    [
        // v1: every store the CLI and SDK use.
        """
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
        """,

        // v2: creates whose outcome is unknown (so a re-run reuses their generated name), and rotated refresh tokens.
        """
        CREATE TABLE pending_creates (
            kind TEXT NOT NULL,
            scope TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (kind, scope, fingerprint));

        ALTER TABLE token_cache ADD COLUMN rotated_refresh_token TEXT;
        """,

        // v3: the local event history (rsspot watch, the webhook receiver) and the state each watch compares with.
        """
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
        """,
    ];

    /// <summary>Newest schema version this build knows.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>
    /// Brings the database up to <see cref="LatestVersion"/>. A database newer than this build is used as is
    /// (migrations are additive). Throws <see cref="StateFileUnreadableException"/> for a foreign database.
    /// </summary>
    public static void Migrate(SqliteConnection connection, DateTimeOffset now)
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

        var current = connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version", transaction: tx) ?? 0;
        for (var version = (int)current + 1; version <= LatestVersion; version++)
        {
            connection.Execute(Migrations[version - 1], transaction: tx);
            connection.Execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now)",
                new { version, now = UnixTime.ToMs(now) },
                tx);
        }

        tx.Commit();
    }
}
