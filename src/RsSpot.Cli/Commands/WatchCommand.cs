using System.Globalization;
using Cocona;
using RsSpot.Cli.Events;
using RsSpot.Cli.Infrastructure;
using RsSpot.Observability.Watching;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot watch</c>: looks at the organization's cloudspaces, pools, VM inventory and prices every interval and
/// records every transition in state.db's event history (see <see cref="Watcher"/>); prints each event as it is
/// recorded and runs <c>--exec</c> per event. Ctrl+C or SIGTERM stops it cleanly (130 or 143).
/// </summary>
internal sealed class WatchCommand(CliContext context)
{
    [PrimaryCommand]
    [Command("watch", Description = "Record every transition of cloudspaces, pools and servers in the local event history, and print it")]
    [SpotOperation("CloudSpaces_List")]
    [SpotOperation("CloudSpaces_Get")]
    [SpotOperation("SpotNodePools_List")]
    [SpotOperation("OnDemandNodePools_List")]
    [SpotOperation("VmCloudSpaces_List")]
    [SpotOperation("VmCloudSpaces_Get")]
    [SpotOperation("VmPools_List")]
    [SpotOperation("ServerClasses_List")]
    public async Task<int> Watch(
        [Option("cloudspace", Description = "Only this cloudspace or VM cloudspace (default: every one)")] string? cloudspace = null,
        [Option("interval", Description = "Time between looks: seconds or 30s, 5m")] string interval = "30s",
        [Option("risk-margin", Description = "capacity-at-risk when the market price comes within this percentage of a pool's bid")] string riskMargin = "10%",
        [Option("count", Description = "Stop after this many looks (default: until Ctrl+C or SIGTERM)")] int? count = null,
        [Option("exec", Description = "Shell command run per event, with the event as JSON on stdin")] string? exec = null,
        [Option("exec-timeout", Description = "Longest run of one --exec command")] string execTimeout = "60s",
        [Option("org", Description = "Organization name, id or namespace (default: the configured one)")] string? org = null)
    {
        var every = OptionValues.Duration(interval, "interval");
        var options = new WatchOptions(cloudspace, org, Percentage(riskMargin, "risk-margin"));
        if (count < 1)
        {
            throw new UsageException($"invalid --count {count}: use 1 or more");
        }

        var hook = exec is null ? null : new EventHook(context, exec, OptionValues.Duration(execTimeout, "exec-timeout"));
        var stream = new EventStream(context);
        var watcher = new Watcher(context.Client, options);
        context.Output.Note($"watching {(cloudspace is null ? "every cloudspace" : $"cloudspace {cloudspace}")} every {interval}, recording events in {context.State.Path}; Ctrl+C to stop");
        try
        {
            for (var look = 1; ; look++)
            {
                foreach (var spotEvent in await watcher.PollAsync(context.CancellationToken).ConfigureAwait(false))
                {
                    stream.Write(spotEvent);
                    if (hook is not null)
                    {
                        await hook.RunAsync(spotEvent, context.CancellationToken).ConfigureAwait(false);
                    }
                }

                if (look == count)
                {
                    return ExitCodes.Ok;
                }

                await Task.Delay(every, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // A signal is how a watch ends: what was recorded stays recorded (each look commits on its own).
            context.Output.Note($"stopped: {context.Environment.Interruption.Description}");
            return context.Environment.Interruption.ExitCode;
        }
    }

    /// <summary>A percentage, <c>10%</c> or <c>10</c>, as a fraction (0.1).</summary>
    private static decimal Percentage(string value, string option) =>
        decimal.TryParse(value.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and < 100
            ? percent / 100m
            : throw new UsageException($"invalid --{option} '{value}': use a percentage between 0 and 100, e.g. 10%");
}
