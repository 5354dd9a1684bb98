using Dapper;
using Microsoft.Data.Sqlite;

namespace RsSpot.State;

/// <summary>
/// Command history (the <c>command_history</c> table): every row is redacted by <see cref="HistoryRedactor"/>
/// before it is written, and the table is capped at <see cref="MaxEntries"/> rows (oldest pruned first).
/// </summary>
internal sealed class CommandHistory
{
    /// <summary>Default cap, as in the reference.</summary>
    public const int DefaultMaxEntries = 2000;

    private readonly StateStore _store;
    private int _maxEntries = DefaultMaxEntries;

    internal CommandHistory(StateStore store) => _store = store;

    /// <summary>Rows kept; older rows are pruned on the next <see cref="Add"/>.</summary>
    public int MaxEntries
    {
        get => _maxEntries;
        set => _maxEntries = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be at least 1");
    }

    /// <summary>Redactor applied to every argv; the CLI sets one that knows its short secret aliases.</summary>
    public HistoryRedactor Redactor { get; set; } = HistoryRedactor.Default;

    /// <summary>Redacts and stores <paramref name="entry"/>, prunes beyond the cap, and returns the row id.</summary>
    public long Add(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var redactor = Redactor;
        var maxEntries = MaxEntries;
        var startedAt = entry.StartedAt ?? _store.Now;
        return _store.Write((c, tx) => Insert(c, tx, entry with { StartedAt = startedAt }, redactor, maxEntries));
    }

    /// <summary>Redacts and inserts one row inside the caller's transaction, then prunes beyond <paramref name="maxEntries"/>.</summary>
    internal static long Insert(SqliteConnection connection, SqliteTransaction transaction, HistoryEntry entry, HistoryRedactor redactor, int maxEntries)
    {
        var argv = redactor.Redact(entry.Argv);
        var id = (long)Sql.Scalar(
            connection,
            transaction,
            """
            INSERT INTO command_history (started_at, command, argv_json, profile, org, region, exit_code, duration_ms)
            VALUES (@startedAt, @command, @argvJson, @profile, @org, @region, @exitCode, @durationMs);
            SELECT last_insert_rowid();
            """,
            ("startedAt", UnixTime.ToMs(entry.StartedAt ?? throw new ArgumentException("StartedAt is required", nameof(entry)))),
            ("command", string.Join(' ', argv.Select(ShellQuote))),
            ("argvJson", StateJson.FromStrings(argv)),
            ("profile", entry.Profile),
            ("org", entry.Org),
            ("region", entry.Region),
            ("exitCode", entry.ExitCode),
            ("durationMs", entry.Duration is { } d ? (long?)d.TotalMilliseconds : null))!;
        Sql.Execute(
            connection,
            transaction,
            "DELETE FROM command_history WHERE id <= (SELECT id FROM command_history ORDER BY id DESC LIMIT 1 OFFSET @maxEntries)",
            ("maxEntries", maxEntries));
        return id;
    }

    /// <summary>The newest rows first (limit clamped to 1..<see cref="MaxEntries"/>).</summary>
    public IReadOnlyList<HistoryRecord> List(int limit = 100) =>
        Query("1 = 1", new { limit = Clamp(limit) });

    /// <summary>Rows whose command contains <paramref name="text"/> (case-insensitive), newest first.</summary>
    public IReadOnlyList<HistoryRecord> Search(string text, int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Query("instr(lower(command), lower(@text)) > 0", new { text, limit = Clamp(limit) });
    }

    /// <summary>Number of stored rows.</summary>
    public long Count() => _store.Read(c => c.ExecuteScalar<long>("SELECT COUNT(*) FROM command_history"));

    /// <summary>Count and cap.</summary>
    public HistoryInfo Info() => new(Count(), MaxEntries);

    /// <summary>Deletes every row; returns how many were removed.</summary>
    public int Clear() => _store.Write((c, tx) => c.Execute("DELETE FROM command_history", transaction: tx));

    private List<HistoryRecord> Query(string where, object parameters) => _store.Read(c => c.Query<Row>(
        $"""
        SELECT id AS Id, started_at AS StartedAt, command AS Command, argv_json AS ArgvJson, profile AS Profile, org AS Org,
               region AS Region, exit_code AS ExitCode, duration_ms AS DurationMs
        FROM command_history WHERE {where} ORDER BY id DESC LIMIT @limit
        """,
        parameters).Select(r => r.ToRecord()).ToList());

    private int Clamp(int limit) => Math.Clamp(limit, 1, MaxEntries);

    /// <summary>POSIX shell quoting, so the stored command can be pasted back into a shell.</summary>
    private static string ShellQuote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private sealed class Row
    {
        public long Id { get; set; }
        public long StartedAt { get; set; }
        public string Command { get; set; } = "";
        public string ArgvJson { get; set; } = "[]";
        public string? Profile { get; set; }
        public string? Org { get; set; }
        public string? Region { get; set; }
        public long? ExitCode { get; set; }
        public long? DurationMs { get; set; }

        public HistoryRecord ToRecord() => new(
            Id,
            UnixTime.FromMs(StartedAt),
            Command,
            StateJson.ToStrings(ArgvJson),
            Profile,
            Org,
            Region,
            (int?)ExitCode,
            DurationMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
    }
}
