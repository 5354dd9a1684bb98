using Dapper;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using RsSpot.Emulator.Json;
using RsSpot.Internal.IO;

namespace RsSpot.Emulator.State;

/// <summary>
/// Persists the state as a single JSON row of a sqlite file (sandbox.db). Each unit of work re-reads and
/// re-writes that row inside <c>BEGIN IMMEDIATE</c>, so several processes sharing the file never lose updates.
/// A file that cannot be read (not sqlite, corrupt, an unreadable document) is moved aside, never deleted, and a
/// fresh world is started; <see cref="RecoveryNotice"/> says so.
/// </summary>
internal sealed class SqliteStateStore : IStateStore
{
    private readonly string _connectionString;
    private readonly Func<EmulatorState> _seed;
    private readonly Lock _gate = new();

    public SqliteStateStore(string path, Func<EmulatorState> seed, TimeProvider clock)
    {
        _seed = seed;
        path = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        try
        {
            Prepare(path);
        }
        catch (Exception e) when (e is SqliteException { SqliteErrorCode: 11 or 26 } or JsonException or InvalidDataException)
        {
            var movedTo = SqliteFile.MoveAside(path, clock.GetUtcNow(), "corrupt");
            Prepare(path);
            RecoveryNotice = $"sandbox.db '{path}' could not be read ({e.Message.TrimEnd('.')}); it was kept as '{movedTo}' and a fresh sandbox was started";
        }
    }

    /// <summary>Set when the file was unreadable and moved aside: one line naming the kept file.</summary>
    public string? RecoveryNotice { get; }

    public T Transact<T>(Func<EmulatorState, (T Result, bool Changed)> work)
    {
        lock (_gate)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            var document = connection.QuerySingleOrDefault<string>(
                "SELECT document FROM emulator_state WHERE id = 1", transaction: transaction);
            var isNew = document is null;
            var state = isNew ? _seed() : JsonConvert.DeserializeObject<EmulatorState>(document!, EmulatorJson.Settings)!;
            var (result, changed) = work(state);
            if (changed || isNew)
            {
                Save(connection, transaction, state);
            }

            transaction.Commit();
            return result;
        }
    }

    public void Replace(EmulatorState state)
    {
        lock (_gate)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            Save(connection, transaction, state);
            transaction.Commit();
        }
    }

    private static void Save(SqliteConnection connection, SqliteTransaction transaction, EmulatorState state) =>
        connection.Execute(
            "INSERT INTO emulator_state (id, document) VALUES (1, @document) ON CONFLICT(id) DO UPDATE SET document = excluded.document",
            new { document = JsonConvert.SerializeObject(state, EmulatorJson.Settings) }, transaction);

    /// <summary>Creates the file (owner-only) and the table, and proves the stored document can be read.</summary>
    private void Prepare(string path)
    {
        SqliteFile.EnsureCreated(path);
        if (SqliteFile.SniffHeader(path) is { } reason)
        {
            throw new InvalidDataException(reason);
        }

        using var connection = Open();
        connection.Execute("CREATE TABLE IF NOT EXISTS emulator_state (id INTEGER PRIMARY KEY CHECK (id = 1), document TEXT NOT NULL)");
        if (connection.QuerySingleOrDefault<string>("SELECT document FROM emulator_state WHERE id = 1") is { } document
            && JsonConvert.DeserializeObject<EmulatorState>(document, EmulatorJson.Settings) is null)
        {
            throw new InvalidDataException("its state document is empty");
        }

        SqliteFile.RestrictPermissions(path);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
