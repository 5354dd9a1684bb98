using Cocona.Application;
using Cocona.Filters;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// Where rsspot meets Cocona: Cocona's console goes to our streams (so help and in-process tests see the same
/// writers), its help names the program <c>rsspot</c>, and one filter around every command turns exceptions into
/// the documented exit codes. Cocona's own complaints about the command line are collected and reported as one
/// <c>error: ...</c> line with exit code 2 (see <see cref="ReportUsageError"/>).
/// </summary>
internal sealed class CoconaBridge(CliContext context) : ICoconaConsoleProvider, ICoconaApplicationMetadataProvider, ICommandFilter, IFilterMetadata, IDisposable
{
    private readonly StringWriter _error = new();

    public TextWriter Output => context.Environment.Out;

    public TextWriter Error => _error;

    /// <summary>Exit code of the command that ran, or null when Cocona stopped before running one.</summary>
    public int? CommandExitCode { get; private set; }

    public string GetExecutableName() => "rsspot";

    public string GetVersion() => CliApp.Version;

    public string GetProductName() => "rsspot";

    public string GetDescription() => "Command-line tool for Rackspace Spot.";

    /// <summary>
    /// Writes what Cocona complained about (unknown command or option, missing or malformed value) as one line,
    /// folding its suggestions in; returns false when it complained about nothing.
    /// </summary>
    public bool ReportUsageError()
    {
        var lines = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return false;
        }

        var message = lines[0].StartsWith("Error: ", StringComparison.Ordinal) ? lines[0]["Error: ".Length..] : lines[0];
        var similar = lines.SkipWhile(l => !l.StartsWith("Similar", StringComparison.Ordinal)).Skip(1).ToList();
        context.Environment.Error.WriteLine(similar.Count > 0 ? $"error: {message} (did you mean: {string.Join(", ", similar)}?)" : $"error: {message}");
        return true;
    }

    public async ValueTask<int> OnCommandExecutionAsync(CoconaCommandExecutingContext ctx, CommandExecutionDelegate next)
    {
        try
        {
            CommandExitCode = await next(ctx).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            CommandExitCode = ErrorReporter.Report(e, context.Environment, context.Options.Verbose);
        }

        return CommandExitCode.Value;
    }

    public void Dispose() => _error.Dispose();
}
