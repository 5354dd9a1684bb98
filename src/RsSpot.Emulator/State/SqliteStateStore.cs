using Dapper;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using RsSpot.Emulator.Json;

namespace RsSpot.Emulator.State;

/// <summary>
/// Persists the state as a single JSON row of a sqlite file (sandbox.db). Each unit of work re-reads and
/// re-writes that row inside <c>BEGIN IMMEDIATE</c>, so several processes sharing the file never lose updates.
/// </summary>
internal sealed class SqliteStateStore : IStateStore
{
    private readonly string _connectionString;
    private readonly Func<EmulatorState> _seed;
    private readonly Lock _gate = new();

    public SqliteStateStore(string path, Func<EmulatorState> seed)
    {
        _seed = seed;
        CreateOwnerOnlyFile(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        connection.Execute("CREATE TABLE IF NOT EXISTS emulator_state (id INTEGER PRIMARY KEY CHECK (id = 1), document TEXT NOT NULL)");
    }

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

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    // The file holds tokens' signing key and the user's resources: owner-only from the first byte.
    private static void CreateOwnerOnlyFile(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; it applied the same mode.
        }
    }
}
