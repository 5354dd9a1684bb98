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

    // The document Prepare read to prove the file usable, and what it holds: the first unit of work reuses it when the
    // row is unchanged, so opening a sandbox for one request parses the world once, not twice.
    private (string Document, EmulatorState State)? _proven;

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
            var document = ReadDocument(connection, transaction);
            var isNew = document is null;
            var state = isNew ? _seed()
                : _proven is var (proven, parsed) && string.Equals(proven, document, StringComparison.Ordinal) ? parsed
                : Parse(document!);
            _proven = null;
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

    // Plain commands rather than Dapper: these run on every sandbox request, in a process that makes one or two.
    private static void Save(SqliteConnection connection, SqliteTransaction transaction, EmulatorState state)
    {
        using var command = Command(connection, transaction, "INSERT INTO emulator_state (id, document) VALUES (1, @document) ON CONFLICT(id) DO UPDATE SET document = excluded.document");
        command.Parameters.AddWithValue("document", JsonConvert.SerializeObject(state, EmulatorJson.Settings));
        command.ExecuteNonQuery();
    }

    private static string? ReadDocument(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = Command(connection, transaction, "SELECT document FROM emulator_state WHERE id = 1");
        return command.ExecuteScalar() as string;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private static EmulatorState Parse(string document) => JsonConvert.DeserializeObject<EmulatorState>(document, EmulatorJson.Settings)!;

    /// <summary>Creates the file (owner-only) and the table, and proves the stored document can be read.</summary>
    private void Prepare(string path)
    {
        SqliteFile.EnsureCreated(path);
        if (SqliteFile.SniffHeader(path) is { } reason)
        {
            throw new InvalidDataException(reason);
        }

        using var connection = Open();
        using (var create = Command(connection, null, "CREATE TABLE IF NOT EXISTS emulator_state (id INTEGER PRIMARY KEY CHECK (id = 1), document TEXT NOT NULL)"))
        {
            create.ExecuteNonQuery();
        }

        if (ReadDocument(connection, null) is { } document)
        {
            _proven = (document, Parse(document) ?? throw new InvalidDataException("its state document is empty"));
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
