using System.Globalization;
using Cocona;
using RsSpot.Cli.Infrastructure;
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
        var removed = context.State.History.Clear();
        context.Acknowledge($"cleared command history ({removed} entries)", new { Cleared = removed });
    }

    [Command("info", Description = "How many commands are kept, and the cap")]
    public void Info()
    {
        var info = context.State.History.Info();
        context.Output.Write(new { Enabled = true, info.Count, info.MaxEntries, context.State.Path });
    }

    private void Write(IReadOnlyList<HistoryRecord> records)
    {
        // The table shows the shell-quoted command; the argv array is for machines.
        var table = context.Output.FormatFor(OutputFormat.Json) == OutputFormat.Table;
        context.Output.Write(records.Select(r => View(r, includeArgv: !table)).ToList(), title: table ? "command history (newest first)" : null);
    }

    private static Dictionary<string, object?> View(HistoryRecord record, bool includeArgv)
    {
        var view = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = record.Id,
            ["started_at"] = record.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["exit_code"] = record.ExitCode,
            ["duration_ms"] = record.Duration is { } duration ? (long)duration.TotalMilliseconds : null,
            ["profile"] = record.Profile,
            ["org"] = record.Org,
            ["region"] = record.Region,
            ["command"] = record.Command,
        };
        if (includeArgv)
        {
            view["argv"] = record.Argv;
        }

        return view;
    }

    private static int RequireLimit(int limit) =>
        limit >= 1 ? limit : throw new UsageException($"--limit must be at least 1, got {limit}");
}
