using System.Data.Common;
using Dapper;

namespace RsSpot.State;

/// <summary>
/// One numbered, additive schema step of a state database (state.db or the shared PostgreSQL database). Each backend
/// keeps its own list and its own <c>schema_version</c> table (version, applied_at).
/// </summary>
/// <param name="Version">Its number; unique within its list.</param>
/// <param name="Sql">The statements, run in the transaction that records the version.</param>
internal sealed record StateMigration(int Version, string Sql)
{
    /// <summary>
    /// Runs, in version order, every migration of <paramref name="migrations"/> the database has not recorded, and
    /// records each. Versions recorded by a newer build and unknown here are left alone (migrations only add).
    /// </summary>
    public static IReadOnlyList<int> ApplyMissing(DbConnection connection, DbTransaction transaction, IEnumerable<StateMigration> migrations, DateTimeOffset now)
    {
        var recorded = connection.Query<long>("SELECT version FROM schema_version", transaction: transaction).ToHashSet();
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => !recorded.Contains(m.Version)).OrderBy(m => m.Version))
        {
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now)",
                new { version = (long)migration.Version, now = UnixTime.ToMs(now) },
                transaction);
            applied.Add(migration.Version);
        }

        return applied;
    }

    /// <summary>The newest version recorded (0 when none).</summary>
    public static int CurrentVersion(DbConnection connection, DbTransaction? transaction) =>
        (int)(connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version", transaction: transaction) ?? 0);
}
