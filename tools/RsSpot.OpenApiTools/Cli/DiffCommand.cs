using RsSpot.OpenApiTools.Diff;
using RsSpot.OpenApiTools.Documents;

namespace RsSpot.OpenApiTools.Cli;

/// <summary>Output format of <c>diff</c>.</summary>
public enum ReportFormat
{
    /// <summary>Markdown tables for review.</summary>
    Markdown,

    /// <summary>Stable JSON, also the baseline format.</summary>
    Json,
}

/// <summary><c>diff</c>: compare our document with the upstream snapshot; non-zero exit on unaccepted drift.</summary>
public static class DiffCommand
{
    /// <summary>One-line usage.</summary>
    public const string Usage =
        "diff [--ours FILE] [--upstream FILE] [--format markdown|json] [--output FILE] [--baseline FILE | --no-baseline] [--fail-on breaking|any|none] [--root DIR]";

    /// <summary>Runs the command; 0 when the drift is acceptable under <c>--fail-on</c>, 1 otherwise.</summary>
    public static async Task<int> RunAsync(IEnumerable<string> args, ToolContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = Arguments.Parse(
            args, ["--ours", "--upstream", "--format", "--output", "--baseline", "--fail-on", "--root"], ["--no-baseline"]);
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
        var baselinePath = arguments.Flag("--no-baseline") ? null : arguments.Value("--baseline") ?? layout.DriftBaseline;
        if (baselinePath is not null && (File.Exists(baselinePath) || arguments.Value("--baseline") is not null))
        {
            report = report.WithBaseline(DriftReport.ReadBaseline(baselinePath));
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
        if (!report.ShouldFail(failOn))
        {
            return 0;
        }

        await context.Error.WriteLineAsync($"error: drift not accepted by the baseline (--fail-on {failOn.ToString().ToLowerInvariant()})")
            .ConfigureAwait(false);
        return 1;
    }

    private static string Relative(RepositoryLayout layout, string path) =>
        Path.GetRelativePath(layout.Root, Path.GetFullPath(path)).Replace('\\', '/');
}
