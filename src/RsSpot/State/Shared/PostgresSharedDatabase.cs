using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace RsSpot.State;

/// <summary>
/// The shared parts on a PostgreSQL server, for several machines (orchestrators, operators) at once. Opening applies
/// the missing migrations under an advisory lock, so many processes starting together migrate exactly once. Errors
/// name the server by its masked connection string, never with its password.
/// </summary>
internal sealed class PostgresSharedDatabase : SharedDatabase
{
    // Any fixed number: the advisory lock that serialises migrations across processes ("RsSpot" in ASCII).
    private const long MigrationLock = 0x52_73_53_70_6F_74;

    private readonly NpgsqlDataSource _source;

    public PostgresSharedDatabase(string connectionString, TimeProvider clock)
    {
        Location = SharedStateSettings.Mask(connectionString);
        try
        {
            _source = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new SpotConfigurationException($"invalid PostgreSQL connection string ({Location}): {ex.Message}");
        }

        try
        {
            Write((c, tx) =>
            {
                c.Execute("SELECT pg_advisory_xact_lock(@lock)", new { @lock = MigrationLock }, tx);
                c.Execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)", transaction: tx);
                return StateMigration.ApplyMissing(c, tx, PostgresSchema.Migrations, clock.GetUtcNow());
            });
        }
        catch
        {
            _source.Dispose();
            throw;
        }
    }

    public override string Backend => SharedStateSettings.Postgres;

    public override string Location { get; }

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override string LockRows => " FOR UPDATE";

    // 64-bit hash of the name; the migration lock's number is one more name in the same space.
    public override string LockName(string parameter) => $"SELECT pg_advisory_xact_lock(hashtextextended({parameter}, 0))";

    public override string JsonStrings(string parameter) => $"SELECT jsonb_array_elements_text(CAST({parameter} AS jsonb))";

    public override int SchemaVersion() => Read(c => StateMigration.CurrentVersion(c, transaction: null));

    public override int LatestSchemaVersion => PostgresSchema.LatestVersion;

    public override T Read<T>(Func<DbConnection, T> query) => Guard(() =>
    {
        using var connection = _source.OpenConnection();
        return query(connection);
    });

    public override T Write<T>(Func<DbConnection, DbTransaction, T> work) => Guard(() =>
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    });

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }

    /// <summary>Server and network failures become one SpotException naming the (masked) server.</summary>
    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException ex)
        {
            throw new SpotException($"shared state database {Location}: {ex.Message}", ex);
        }
    }
}
