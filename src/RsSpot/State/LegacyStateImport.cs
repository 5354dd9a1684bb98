using Dapper;
using Microsoft.Data.Sqlite;
using RsSpot.Configuration;

namespace RsSpot.State;

/// <summary>
/// Imports the unversioned state.db of the Python rsspot (same default path, ~/.config/rsspot/state.db): its
/// preferences, command history (re-redacted with today's rules) and registration ledger. Its HTTP cache is not
/// worth importing. The old file is moved aside first and only read, through ATTACH.
/// </summary>
internal static class LegacyStateImport
{
    private static readonly HashSet<string> LegacyTables = new(StringComparer.Ordinal)
    {
        "preferences", "http_cache", "command_history", "registration_ledger",
    };

    private static readonly string[] LegacyPreferenceKeys =
        [PreferenceKeys.DefaultProfile, PreferenceKeys.DefaultOrg, PreferenceKeys.DefaultRegion];

    /// <summary>Whether the open database is the Python reference's: only its tables, and no schema_version.</summary>
    public static bool IsLegacy(SqliteConnection connection)
    {
        var tables = TableNames(connection, "main");
        return tables.Count > 0 && tables.All(LegacyTables.Contains);
    }

    /// <summary>Copies what is worth keeping from <paramref name="legacyPath"/> into the freshly migrated store.</summary>
    public static void Import(SqliteConnection target, string legacyPath)
    {
        target.Execute("ATTACH DATABASE @legacyPath AS legacy", new { legacyPath });
        try
        {
            var tables = TableNames(target, "legacy");
            using var tx = target.BeginTransaction(deferred: false);
            if (tables.Contains("preferences"))
            {
                target.Execute(
                    """
                    INSERT OR REPLACE INTO preferences (key, value, updated_at)
                    SELECT key, value, CAST(updated_at * 1000 AS INTEGER) FROM legacy.preferences WHERE key IN @keys
                    """,
                    new { keys = LegacyPreferenceKeys },
                    tx);
            }

            if (tables.Contains("command_history"))
            {
                var rows = target.Query<HistoryRow>(
                    "SELECT created_at AS CreatedAt, argv_json AS ArgvJson, profile AS Profile, org AS Org, region AS Region FROM legacy.command_history ORDER BY id",
                    transaction: tx);
                foreach (var row in rows)
                {
                    CommandHistory.Insert(target, tx, row.ToEntry(), HistoryRedactor.Default, CommandHistory.DefaultMaxEntries);
                }
            }

            if (tables.Contains("registration_ledger"))
            {
                // omni_cluster is the reference's name for the target cluster; it never stored a creation time.
                target.Execute(
                    """
                    INSERT OR IGNORE INTO registration_ledger (registration_key, vm_uid, vm_name, org_id, vmcloudspace, vmpool, target_cluster,
                        status, token_id, token_expires_at, last_error, attempts, payload_json, created_at, updated_at)
                    SELECT registration_key, vm_uid, vm_name, org_id, vmcloudspace, vmpool, omni_cluster,
                        status, token_id, CAST(token_expires_at * 1000 AS INTEGER), last_error, 0, payload_json,
                        CAST(updated_at * 1000 AS INTEGER), CAST(updated_at * 1000 AS INTEGER)
                    FROM legacy.registration_ledger
                    """,
                    transaction: tx);
            }

            tx.Commit();
        }
        finally
        {
            target.Execute("DETACH DATABASE legacy");
        }
    }

    private static List<string> TableNames(SqliteConnection connection, string schema) =>
        connection.Query<string>($"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToList();

    private sealed class HistoryRow
    {
        public double CreatedAt { get; set; }
        public string ArgvJson { get; set; } = "[]";
        public string? Profile { get; set; }
        public string? Org { get; set; }
        public string? Region { get; set; }

        public HistoryEntry ToEntry() => new()
        {
            Argv = StateJson.ToStrings(ArgvJson),
            Profile = Profile,
            Org = Org,
            Region = Region,
            StartedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(CreatedAt * 1000)),
        };
    }
}
