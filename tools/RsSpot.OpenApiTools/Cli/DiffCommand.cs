using RsSpot.OpenApiTools.Diff;
using RsSpot.OpenApiTools.Documents;

namespace RsSpot.OpenApiTools.Cli;

/// <summary>Output format of <c>diff</c>.</summary>
public enum ReportFormat
{
    /// <summary>Markdown tables for review.</summary>
    Markdown,

    /// <summary>Stable JSON.</summary>
    Json,
}

/// <summary><c>diff</c>: compare our document with the upstream snapshot; non-zero exit on unaccepted drift.</summary>
public static class DiffCommand
{
    /// <summary>One-line usage.</summary>
    public const string Usage =
        "diff [--ours FILE] [--upstream FILE] [--format markdown|json] [--output FILE] [--baseline FILE | --no-baseline] [--fail-on breaking|any|none] [--accept REASON] [--root DIR]";

    /// <summary>
    /// Runs the command; 0 when the drift is acceptable under <c>--fail-on</c>, 1 otherwise. With <c>--accept</c>, every
    /// item not yet accepted is added to the baseline under that reason and the command succeeds.
    /// </summary>
    public static async Task<int> RunAsync(IEnumerable<string> args, ToolContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = Arguments.Parse(
            args, ["--ours", "--upstream", "--format", "--output", "--baseline", "--fail-on", "--accept", "--root"], ["--no-baseline"]);
        var layout = context.Layout(arguments);
        var oursPath = arguments.Value("--ours") ?? layout.OurDocument;
        var upstreamPath = arguments.Value("--upstream") ?? layout.UpstreamDocument;
        var format = arguments.Choice("--format", ReportFormat.Markdown);
        var failOn = arguments.Choice("--fail-on", FailOn.Breaking);
        if (!File.Exists(upstreamPath))
        {
            throw new FileNotFoundException($"no upstream snapshot at {upstreamPath}; run `sync` first or pass --upstream");
        }

        var report = OpenApiDiff.Compare(
            OpenApiDocumentReader.ReadFile(oursPath),
            OpenApiDocumentReader.ReadFile(upstreamPath),
            Relative(layout, oursPath),
            Relative(layout, upstreamPath));
        var acceptReason = arguments.Value("--accept");
        var baselinePath = arguments.Flag("--no-baseline") ? null : arguments.Value("--baseline") ?? layout.DriftBaseline;
        // A named baseline must exist, except when --accept is about to create it.
        var baseline = baselinePath is not null && (File.Exists(baselinePath) || (arguments.Value("--baseline") is not null && acceptReason is null))
            ? DriftBaseline.Read(baselinePath)
            : DriftBaseline.Empty;
        report = report.WithBaseline(baseline);
        if (acceptReason is { } reason)
        {
            return await AcceptAsync(report, baseline, reason, baselinePath ?? throw new UsageException("--accept needs a baseline file, not --no-baseline"), context)
                .ConfigureAwait(false);
        }

        var text = format == ReportFormat.Json ? DriftReportFormatter.ToJson(report) : DriftReportFormatter.ToMarkdown(report);
        if (arguments.Value("--output") is { } output)
        {
            AtomicFile.WriteText(output, text);
            await context.Out.WriteLineAsync($"wrote {output}").ConfigureAwait(false);
        }
        else
        {
            await context.Out.WriteAsync(text).ConfigureAwait(false);
        }

        await context.Error.WriteLineAsync(DriftReportFormatter.Summary(report)).ConfigureAwait(false);
        if (baseline.Stale(report) is { Count: > 0 } stale)
        {
            await context.Error.WriteLineAsync($"note: {stale.Count} baseline id(s) no longer occur, remove them from {baselinePath}: {string.Join(", ", stale)}")
                .ConfigureAwait(false);
        }

        if (!report.ShouldFail(failOn))
        {
            return 0;
        }

        await context.Error.WriteLineAsync($"error: drift not accepted by the baseline (--fail-on {failOn.ToString().ToLowerInvariant()})")
            .ConfigureAwait(false);
        return 1;
    }

    /// <summary>Adds every open item to the baseline under <paramref name="reason"/>, after the maintainer reviewed them.</summary>
    private static async Task<int> AcceptAsync(DriftReport report, DriftBaseline baseline, string reason, string path, ToolContext context)
    {
        var open = report.Open.Select(i => i.Id).ToList();
        AtomicFile.WriteText(path, baseline.Accept(reason, open).ToJson());
        await context.Out.WriteLineAsync($"accepted {open.Count} item(s) in {path}: {reason}").ConfigureAwait(false);
        foreach (var id in open)
        {
            await context.Out.WriteLineAsync("  " + id).ConfigureAwait(false);
        }

        return 0;
    }

    private static string Relative(RepositoryLayout layout, string path) =>
        Path.GetRelativePath(layout.Root, Path.GetFullPath(path)).Replace('\\', '/');
}
