namespace RsSpot.State;

/// <summary>One command run to record. The argv is raw: <see cref="CommandHistory.Add"/> redacts it before storing.</summary>
internal sealed record HistoryEntry
{
    /// <summary>The real argv, program name and global options included.</summary>
    public required IReadOnlyList<string> Argv { get; init; }

    /// <summary>Profile the command ran with.</summary>
    public string? Profile { get; init; }

    /// <summary>Organization the command ran against.</summary>
    public string? Org { get; init; }

    /// <summary>Region the command ran against.</summary>
    public string? Region { get; init; }

    /// <summary>Process exit code, when the command finished.</summary>
    public int? ExitCode { get; init; }

    /// <summary>How long the command took.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>When the command started; the store's clock when null.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}

/// <summary>A stored (already redacted) history row.</summary>
/// <param name="Id">Row id; increases with insertion order.</param>
/// <param name="StartedAt">When the command started.</param>
/// <param name="Command">The redacted argv, shell-quoted and space-joined.</param>
/// <param name="Argv">The redacted argv.</param>
/// <param name="Profile">Profile used.</param>
/// <param name="Org">Organization used.</param>
/// <param name="Region">Region used.</param>
/// <param name="ExitCode">Exit code, when recorded.</param>
/// <param name="Duration">Duration, when recorded.</param>
internal sealed record HistoryRecord(
    long Id,
    DateTimeOffset StartedAt,
    string Command,
    IReadOnlyList<string> Argv,
    string? Profile,
    string? Org,
    string? Region,
    int? ExitCode,
    TimeSpan? Duration);

/// <summary>History summary for <c>config history info</c>.</summary>
/// <param name="Count">Rows stored.</param>
/// <param name="MaxEntries">Cap after which the oldest rows are pruned.</param>
internal sealed record HistoryInfo(long Count, int MaxEntries);
