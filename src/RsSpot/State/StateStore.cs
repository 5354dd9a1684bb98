using Microsoft.Data.Sqlite;
using RsSpot.Internal.IO;

namespace RsSpot.State;

/// <summary>
/// The local state database (state.db): preferences, the HTTP and token caches, command history, the VM
/// registration ledger and the event history. Thread-safe and safe for several processes: every operation opens its own pooled
/// connection, writes use IMMEDIATE transactions, and the file runs in WAL mode with a busy timeout.
/// The shared parts (the registration ledger) can live on a PostgreSQL server instead (<see cref="OpenWithPostgres"/>,
/// <c>state.backend: postgres</c>), so runners on several machines share them; the per-user parts stay in state.db.
/// </summary>
public sealed class StateStore : IDisposable
{
    private const int BusyTimeoutMs = 15_000;
    private static readonly string BusyTimeoutPragma = $"PRAGMA busy_timeout = {BusyTimeoutMs}";
    private readonly string _connectionString;
    private readonly SqliteConnection? _memoryAnchor;
    private readonly Lock _sharedLock = new();
    private SharedDatabase? _shared;
    private RegistrationLedger? _ledger;
    private IEventStore? _events;

    private StateStore(string connectionString, string? path, TimeProvider clock, SqliteConnection? memoryAnchor, string? recoveryNotice, SharedStateSettings shared)
    {
        _connectionString = connectionString;
        _memoryAnchor = memoryAnchor;
        Path = path;
        Clock = clock;
        RecoveryNotice = recoveryNotice;
        SharedSettings = shared;
        Preferences = new StatePreferences(this);
        HttpCache = new HttpResponseCache(this);
        Tokens = new TokenCache(this);
        History = new CommandHistory(this);
        PendingCreates = new PendingCreates(this);
    }

    /// <summary>File name used when only a directory is known.</summary>
    public const string FileName = "state.db";

    /// <summary>Database file, or null for an in-memory store.</summary>
    public string? Path { get; }

    /// <summary>
    /// Set when the existing file could not be read and was moved aside: a one-line message naming the kept file,
    /// meant to be shown to the user once. Null when the store opened normally.
    /// </summary>
    public string? RecoveryNotice { get; }

    /// <summary>Clock used for timestamps and expiry.</summary>
    internal TimeProvider Clock { get; }

    /// <summary>Default profile/org/region preferences.</summary>
    internal StatePreferences Preferences { get; }

    /// <summary>Cached GET responses (in-memory front layer over the <c>http_cache</c> table).</summary>
    internal HttpResponseCache HttpCache { get; }

    /// <summary>Cached id_tokens, so consecutive runs skip the token exchange.</summary>
    internal TokenCache Tokens { get; }

    /// <summary>Redacted command history.</summary>
    internal CommandHistory History { get; }

    /// <summary>VM registration ledger (on the shared database).</summary>
    internal RegistrationLedger Ledger => OnShared(ref _ledger, shared => new RegistrationLedger(shared, Clock));

    /// <summary>Where the shared parts live, as configured.</summary>
    internal SharedStateSettings SharedSettings { get; }

    /// <summary>
    /// The database of the shared parts: state.db itself, or the PostgreSQL server, contacted (and migrated) by the first
    /// command that needs the ledger rather than by every run; a failed first contact is tried again on the next use.
    /// </summary>
    internal SharedDatabase Shared
    {
        get
        {
            lock (_sharedLock)
            {
                return _shared ??= SharedSettings.ConnectionString is { } server ? new PostgresSharedDatabase(server, Clock) : new SqliteSharedDatabase(this);
            }
        }
    }

    /// <summary>Creates whose outcome is not known yet (their generated names are reused by a re-run).</summary>
    internal PendingCreates PendingCreates { get; }

    /// <summary>The event history and the watch checkpoints (on the shared database, like the ledger).</summary>
    internal IEventStore Events => OnShared(ref _events, shared => new SharedEventStore(shared, Clock));

    /// <summary>
    /// Opens (creating with mode 0600 when missing) and migrates the store at <paramref name="path"/>. A corrupt or
    /// foreign file is moved aside, never deleted, and <see cref="RecoveryNotice"/> says so.
    /// </summary>
    /// <exception cref="SpotConfigurationException">The file cannot be created or opened at all (permissions, disk).</exception>
    public static StateStore Open(string path, TimeProvider? clock = null) => Open(path, SharedStateSettings.Local, clock);

    /// <summary>
    /// Opens the store at <paramref name="path"/> like <see cref="Open(string, TimeProvider?)"/>, with the shared parts (the
    /// registration ledger) in the PostgreSQL database of <paramref name="connectionString"/>, so runners on several
    /// machines share one ledger. The server is contacted, and its schema migrated, when the ledger is first used.
    /// </summary>
    /// <param name="path">The local state.db (preferences, caches, command history).</param>
    /// <param name="connectionString">Npgsql connection string (<c>Host=...;Database=...;Username=...;Password=...</c>).</param>
    /// <param name="clock">Clock for timestamps, expiry and leases.</param>
    public static StateStore OpenWithPostgres(string path, string connectionString, TimeProvider? clock = null) =>
        Open(path, SharedStateSettings.OnPostgres(connectionString, "argument"), clock);

    /// <summary>
    /// Opens state.db with its shared parts where <paramref name="shared"/> says. With <paramref name="verify"/> every
    /// page of an existing file is checked first (the commands that maintain the store do; routine opens check only
    /// new, outdated or uncleanly closed files).
    /// </summary>
    internal static StateStore Open(string path, SharedStateSettings shared, TimeProvider? clock = null, bool verify = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        clock ??= TimeProvider.System;
        var fullPath = System.IO.Path.GetFullPath(ExpandHome(path));
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();

        string? notice = null;
        try
        {
            try
            {
                if (!TryInitializeFile(fullPath, connectionString, clock, verify))
                {
                    notice = ReplaceLegacyFile(fullPath, connectionString, clock);
                }
            }
            catch (Exception ex) when (ex is StateFileUnreadableException || IsCorruption(ex))
            {
                SqliteConnection.ClearPool(new SqliteConnection(connectionString));
                var movedTo = SqliteFile.MoveAside(fullPath, clock.GetUtcNow(), "corrupt");
                TryInitializeFile(fullPath, connectionString, clock);
                if (movedTo is not null)
                {
                    notice = $"state.db '{fullPath}' could not be read ({ex.Message.TrimEnd('.')}); it was kept as '{movedTo}' and a new store was created. " +
                        "Preferences, command history and the registration ledger it held are not available; the HTTP and token caches were rebuilt.";
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or StateFileUnreadableException)
        {
            throw new SpotConfigurationException($"cannot open state database: {ex.Message}", fullPath, ex);
        }

        return new StateStore(connectionString, fullPath, clock, memoryAnchor: null, notice, shared);
    }

    /// <summary>Opens a private in-memory store (tests, runtime configs without a file); it lives until disposed.</summary>
    public static StateStore OpenInMemory(TimeProvider? clock = null) => OpenInMemory(SharedStateSettings.Local, clock);

    /// <summary>An in-memory store with its shared parts where <paramref name="shared"/> says (tests).</summary>
    internal static StateStore OpenInMemory(SharedStateSettings shared, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"rsspot-state-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();

        // A shared-cache memory database exists while at least one connection to it is open.
        var anchor = new SqliteConnection(connectionString);
        anchor.Open();
        StateSchema.Migrate(anchor, clock.GetUtcNow());
        return new StateStore(connectionString, path: null, clock, anchor, recoveryNotice: null, shared);
    }

    /// <summary>A store on the shared database, made once (after the database was reached).</summary>
    private T OnShared<T>(ref T? field, Func<SharedDatabase, T> create)
        where T : class
    {
        var shared = Shared;
        lock (_sharedLock)
        {
            return field ??= create(shared);
        }
    }

    /// <summary>Releases pooled connections (and the in-memory database).</summary>
    public void Dispose()
    {
        lock (_sharedLock)
        {
            _shared?.Dispose();
        }

        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _memoryAnchor?.Dispose();
    }

    internal DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Runs a read on its own connection.</summary>
    internal T Read<T>(Func<SqliteConnection, T> query)
    {
        using var connection = Connect();
        return query(connection);
    }

    /// <summary>Runs a write in an IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlocks).</summary>
    internal T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Sql.Execute(connection, null, $"{BusyTimeoutPragma}; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>
    /// Prepares the file and migrates it; returns false (touching nothing) when it is a Python rsspot store. A store
    /// that is up to date and was closed cleanly last time is only read far enough to see that (its schema version);
    /// a new or outdated file, or one left with a write-ahead log by a process that did not close it, is also checked
    /// page by page (<c>PRAGMA quick_check</c>), as it is always with <paramref name="verify"/>.
    /// </summary>
    private static bool TryInitializeFile(string path, string connectionString, TimeProvider clock, bool verify = false)
    {
        SqliteFile.EnsureCreated(path);
        if (SqliteFile.SniffHeader(path) is { } reason)
        {
            throw new StateFileUnreadableException(reason);
        }

        // While no connection is open the log is checkpointed and deleted: one present now belongs to another
        // process at work, or to one that crashed.
        var unclean = File.Exists(path + "-wal");
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Sql.Execute(connection, null, BusyTimeoutPragma);
            if (verify || unclean || !StateSchema.IsCurrent(connection))
            {
                Sql.Scalar(connection, null, "PRAGMA journal_mode = WAL");
                var check = Sql.Scalar(connection, null, "PRAGMA quick_check") as string;
                if (!string.Equals(check, "ok", StringComparison.Ordinal))
                {
                    throw new StateFileUnreadableException($"integrity check failed: {check}");
                }

                if (LegacyStateImport.IsLegacy(connection))
                {
                    return false;
                }

                StateSchema.Migrate(connection, clock.GetUtcNow());
            }
        }

        SqliteFile.RestrictPermissions(path);
        return true;
    }

    /// <summary>Moves a Python rsspot state.db aside, creates a fresh store and imports what it held.</summary>
    private static string? ReplaceLegacyFile(string path, string connectionString, TimeProvider clock)
    {
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        var movedTo = SqliteFile.MoveAside(path, clock.GetUtcNow(), "python");
        TryInitializeFile(path, connectionString, clock);
        if (movedTo is null)
        {
            return null; // another process got there first and imported it
        }

        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            Sql.Execute(connection, null, BusyTimeoutPragma);
            LegacyStateImport.Import(connection, movedTo);
            return $"state.db '{path}' was written by the Python rsspot; it was kept as '{movedTo}' and its preferences, command history and registration ledger were imported.";
        }
        catch (SqliteException ex)
        {
            return $"state.db '{path}' was written by the Python rsspot and could not be imported ({ex.Message.TrimEnd('.')}); it was kept as '{movedTo}' and a new store was created.";
        }
    }

    private static bool IsCorruption(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: 11 /* SQLITE_CORRUPT */ or 26 /* SQLITE_NOTADB */ };

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
