using System.Diagnostics;
using System.Reflection;
using Cocona;
using RsSpot.Cli.Hosting;
using RsSpot.Cli.Infrastructure;
using RsSpot.Internal.Diagnostics;
using RsSpot.State;

namespace RsSpot.Cli;

/// <summary>
/// One rsspot invocation: take the global options out of the arguments, find the command group the path names,
/// answer help from the command tree or let Cocona dispatch the command, map the outcome to an exit code, and record
/// the (redacted) command line in the history.
/// </summary>
internal static class CliApp
{
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment)
    {
        var started = Stopwatch.GetTimestamp();
        GlobalOptions options;
        try
        {
            options = GlobalOptions.Parse(args);
        }
        catch (UsageException e)
        {
            return ErrorReporter.Report(e, environment, verbose: false, noColor: args.Contains("--no-color"));
        }

        if (options.Version)
        {
            environment.Out.WriteLine($"rsspot {Version}");
            return ExitCodes.Ok;
        }

        var route = CommandRoute.Resolve(options.Remaining);
        StartupTrace.Mark("command path resolved");
        if (route.AsksForHelp || (route.Rest.Count == 0 && !IsCommand(route)))
        {
            // Help is documentation, not a command run: no context, no state, no history entry.
            environment.Out.WriteLine(HelpText.Render(route.HelpNode()));
            StartupTrace.Mark("help written");
            return ExitCodes.Ok;
        }

        using var context = new CliContext(environment, options);
        using var host = new CoconaHost(context);
        var exitCode = await host.RunAsync(route, CancellationToken.None).ConfigureAwait(false);
        StartupTrace.Mark("command finished");
        if (!IsCredentialHelper(route))
        {
            RecordHistory(context, args, exitCode, Stopwatch.GetElapsedTime(started));
        }

        StartupTrace.Mark("history recorded");
        StartupTrace.Assemblies();
        return exitCode;
    }

    /// <summary>A group that is itself a command (<c>configure</c>, <c>raw</c>) runs without a subcommand.</summary>
    private static bool IsCommand(CommandRoute route) =>
        route.GroupType.GetMethods().Any(m => m.GetCustomAttribute<PrimaryCommandAttribute>() is not null);

    /// <summary>kubectl runs <c>auth kube-token</c> on every call: recording each would push real commands out of the history.</summary>
    private static bool IsCredentialHelper(CommandRoute route) => route.Path == "rsspot auth" && route.Rest is ["kube-token", ..];

    /// <summary>History is a convenience: it must never change the outcome of the command that just ran.</summary>
    private static void RecordHistory(CliContext context, string[] args, int exitCode, TimeSpan duration)
    {
        try
        {
            if (context.HistoryState is not { } state)
            {
                return;
            }

            var (profile, org, region) = context.Identity;
            state.History.Add(new HistoryEntry
            {
                Argv = ["rsspot", .. args],
                Profile = profile,
                Org = org,
                Region = region,
                ExitCode = exitCode,
                Duration = duration,
                StartedAt = DateTimeOffset.UtcNow - duration,
            });
        }
        catch (Exception e) when (e is SpotException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            if (context.Options.Verbose)
            {
                context.Warn($"command history not recorded: {e.Message}");
            }
        }
    }
}
