using System.Globalization;
using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Output;
using RsSpot.State;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot history list|search|clear|info</c>: the commands run on this machine, as recorded (already redacted)
/// by every rsspot invocation.
/// </summary>
internal sealed class HistoryCommands(CliContext context)
{
    private const int DefaultLimit = 20;

    [Command("list", Description = "The most recent commands, newest first")]
    public void List([Option("limit", ['n'], Description = "How many entries to show")] int limit = DefaultLimit) =>
        Write(context.State.History.List(RequireLimit(limit)));

    [Command("search", Description = "Commands containing TEXT (case-insensitive), newest first")]
    public void Search(
        [Argument(Description = "Text to look for")] string text,
        [Option("limit", ['n'], Description = "How many entries to show")] int limit = DefaultLimit) =>
        Write(context.State.History.Search(ConfigurationSupport.RequireValue(text, "search text"), RequireLimit(limit)));

    [Command("clear", Description = "Delete the whole command history (asks first; --yes when not on a terminal)")]
    public void Clear([Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false)
    {
        context.Confirm("delete the whole command history?", yes);
        var removed = context.MaintainedState.History.Clear();
        context.Acknowledge($"cleared command history ({removed} entries)", new { Cleared = removed });
    }

    [Command("info", Description = "How many commands are kept, and the cap")]
    public void Info()
    {
        var info = context.MaintainedState.History.Info();
        context.Output.Write(new { Enabled = true, info.Count, info.MaxEntries, context.State.Path });
    }

    private void Write(IReadOnlyList<HistoryRecord> records)
    {
        // The table shows what a reader scans for (when, what, how it ended, how long); the rest is for machines.
        if (context.Output.FormatFor(OutputFormat.Json) == OutputFormat.Table)
        {
            context.Output.Write(records.Select(TableRow).ToList(), title: "command history (newest first)");
            return;
        }

        context.Output.Write(records.Select(View).ToList());
    }

    private static Dictionary<string, object?> View(HistoryRecord record) => new(StringComparer.Ordinal)
    {
        ["id"] = record.Id,
        ["started_at"] = JsonView.Iso(record.StartedAt),
        ["exit_code"] = record.ExitCode,
        ["duration_ms"] = record.Duration is { } duration ? (long)duration.TotalMilliseconds : null,
        ["profile"] = record.Profile,
        ["org"] = record.Org,
        ["region"] = record.Region,
        ["command"] = record.Command,
        ["argv"] = record.Argv,
    };

    private static object TableRow(HistoryRecord record) => new
    {
        record.Id,
        Time = JsonView.Iso(record.StartedAt.AddTicks(-(record.StartedAt.Ticks % TimeSpan.TicksPerSecond))),
        Exit = record.ExitCode,
        Duration = record.Duration is { } duration ? Readable(duration) : "",
        record.Command,
    };

    /// <summary>850ms, 4.2s, 3m05s, 1h02m.</summary>
    private static string Readable(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => $"{(int)duration.TotalMilliseconds}ms",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0}s"),
        < 3600 => $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s",
        _ => $"{(int)duration.TotalHours}h{duration.Minutes:00}m",
    };

    private static int RequireLimit(int limit) =>
        limit >= 1 ? limit : throw new UsageException($"--limit must be at least 1, got {limit}");
}
