using RsSpot.OpenApiTools.Diff;
using RsSpot.OpenApiTools.Documents;
using RsSpot.OpenApiTools.Index;

namespace RsSpot.OpenApiTools.Cli;

/// <summary><c>index</c>: regenerate openapi/INDEX.md (or, with <c>--check</c>, verify it is current).</summary>
public static class IndexCommand
{
    /// <summary>One-line usage.</summary>
    public const string Usage = "index [--doc FILE] [--out FILE] [--scan CLI.dll]... [--exclusions FILE] [--check] [--root DIR]";

    /// <summary>Runs the command; with <c>--check</c> returns 1 when the committed index is out of date.</summary>
    public static async Task<int> RunAsync(IEnumerable<string> args, ToolContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = Arguments.Parse(args, ["--doc", "--out", "--scan", "--exclusions", "--root"], ["--check"]);
        var layout = context.Layout(arguments);
        var targets = CoverageScanner.DefaultTargets()
            .Concat(arguments.Values("--scan").Select(path => CoverageScanner.Load(path, CoverageSurface.Cli)))
            .DistinctBy(t => t.Assembly)
            .ToList();
        var text = Render(layout, targets, arguments.Value("--doc"), arguments.Value("--exclusions"));
        var output = arguments.Value("--out") ?? layout.Index;

        if (arguments.Flag("--check"))
        {
            var current = File.Exists(output) ? await File.ReadAllTextAsync(output).ConfigureAwait(false) : null;
            if (current == text)
            {
                await context.Out.WriteLineAsync($"{output} is up to date").ConfigureAwait(false);
                return 0;
            }

            await context.Error.WriteLineAsync($"error: {output} is out of date; run `{IndexGenerator.RegenerateCommand}`").ConfigureAwait(false);
            foreach (var line in ChangedLines(current ?? string.Empty, text))
            {
                await context.Error.WriteLineAsync(line).ConfigureAwait(false);
            }

            return 1;
        }

        AtomicFile.WriteText(output, text);
        await context.Out.WriteLineAsync($"wrote {output} (scanned {string.Join(", ", targets.Select(t => t.Assembly.GetName().Name))})")
            .ConfigureAwait(false);
        return 0;
    }

    /// <summary>The lines only one version has (<c>- </c> committed, <c>+ </c> regenerated), so the check names what changed.</summary>
    private static IEnumerable<string> ChangedLines(string committed, string regenerated)
    {
        var before = committed.Split('\n').ToHashSet(StringComparer.Ordinal);
        var after = regenerated.Split('\n').ToHashSet(StringComparer.Ordinal);
        return committed.Split('\n').Where(l => !after.Contains(l)).Select(l => "- " + l)
            .Concat(regenerated.Split('\n').Where(l => !before.Contains(l)).Select(l => "+ " + l));
    }

    /// <summary>
    /// Renders the index exactly as <c>index</c> writes it. The index test calls this with
    /// <see cref="CoverageScanner.DefaultTargets"/>, so the committed file must match the default run.
    /// </summary>
    public static string Render(RepositoryLayout layout, IEnumerable<ScanTarget> targets, string? documentPath = null, string? exclusionsPath = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var document = documentPath ?? layout.OurDocument;
        var map = new CoverageMap(
            OpenApiModel.From(OpenApiDocumentReader.ReadFile(document)),
            CoverageScanner.Scan(targets),
            CoverageMap.ReadExclusions(exclusionsPath ?? layout.CoverageExclusions));
        var label = documentPath is null ? RepositoryLayout.OurDocumentPath : Path.GetRelativePath(layout.Root, Path.GetFullPath(document)).Replace('\\', '/');
        return IndexGenerator.Generate(map, label);
    }
}
