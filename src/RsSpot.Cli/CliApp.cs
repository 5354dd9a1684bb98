using System.Diagnostics;
using System.Reflection;
using Cocona;
using Cocona.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RsSpot.Cli.Commands;
using RsSpot.Cli.Infrastructure;
using RsSpot.State;

namespace RsSpot.Cli;

/// <summary>
/// One rsspot invocation: take the global options out of the arguments, let Cocona dispatch the command, map the
/// outcome to an exit code, and record the (redacted) command line in the history.
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
            return ErrorReporter.Report(e, environment, verbose: false);
        }

        if (options.Version)
        {
            environment.Out.WriteLine($"rsspot {Version}");
            return ExitCodes.Ok;
        }

        using var context = new CliContext(environment, options);
        var exitCode = await DispatchAsync(context).ConfigureAwait(false);
        RecordHistory(context, args, exitCode, Stopwatch.GetElapsedTime(started));
        return exitCode;
    }

    private static async Task<int> DispatchAsync(CliContext context)
    {
        using var bridge = new CoconaBridge(context);
        var builder = CoconaApp.CreateBuilder([.. context.Options.Remaining], o =>
        {
            o.EnableShellCompletionSupport = false;
            o.TreatPublicMethodsAsCommands = true;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(context);
        builder.Services.AddSingleton<ICoconaConsoleProvider>(bridge);
        builder.Services.AddSingleton<ICoconaApplicationMetadataProvider>(bridge);
        var app = builder.Build();
        app.UseFilter(bridge);
        app.AddCommands<RootCommands>();
        try
        {
            // Commands observe the interrupt through CliContext, so an interrupted command still reaches the filter (exit 130).
            await app.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            // Cocona also sets the process exit code; rsspot returns its own, so leave no trace for in-process callers.
            Environment.ExitCode = 0;
        }

        return bridge.CommandExitCode ?? (bridge.ReportUsageError() ? ExitCodes.Usage : ExitCodes.Ok);
    }

    /// <summary>History is a convenience: it must never change the outcome of the command that just ran.</summary>
    private static void RecordHistory(CliContext context, string[] args, int exitCode, TimeSpan duration)
    {
        try
        {
            var (profile, org, region) = context.Identity;
            context.State.History.Add(new HistoryEntry
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
                context.Environment.Error.WriteLine($"warning: command history not recorded: {e.Message}");
            }
        }
    }
}
