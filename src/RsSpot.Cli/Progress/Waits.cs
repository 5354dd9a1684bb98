using RsSpot.Cli.Infrastructure;
using RsSpot.Models;

namespace RsSpot.Cli.Progress;

/// <summary>
/// Every wait of the CLI (<c>rsspot wait</c>, <c>--wait</c> on create and update, <c>replace</c>): progress on stderr,
/// the final state on stdout, and an ending other than success turned into its own exit code with one line saying
/// what to do.
/// </summary>
internal static class Waits
{
    /// <summary>The progress line of each kind of resource.</summary>
    public static WaitStatus Status(CloudSpace c) => new(c.Phase ?? "unknown", c.Reason);

    public static WaitStatus Status(SpotNodePool p) => new(p.BidStatus ?? "unknown", Won: p.WonCount, Desired: p.Desired);

    public static WaitStatus Status(OnDemandNodePool p) => new(p.ReservedStatus ?? "unknown", Won: p.ReservedCount, Desired: p.Desired);

    public static Task CloudSpaceAsync(CliContext context, string name, TimeSpan timeout, string? org) =>
        RunAsync<CloudSpace>(context, "cloudspace", name, Status, progress => context.Client.CloudSpaces.WaitAsync(name, timeout, progress, org, context.CancellationToken));

    public static Task SpotPoolAsync(CliContext context, string name, int? minWon, TimeSpan timeout, string? org) =>
        RunAsync<SpotNodePool>(context, "spot pool", name, Status, progress => context.Client.SpotNodePools.WaitAsync(name, minWon, timeout, progress, org, context.CancellationToken));

    public static Task OnDemandPoolAsync(CliContext context, string name, int? minWon, TimeSpan timeout, string? org) =>
        RunAsync<OnDemandNodePool>(context, "on-demand pool", name, Status, progress => context.Client.OnDemandNodePools.WaitAsync(name, minWon, timeout, progress, org, context.CancellationToken));

    /// <summary>Writes the last state seen, then fails with the outcome's exit code unless the wait succeeded.</summary>
    public static void Finish<T>(CliContext context, WaitResult<T> result, string? name = null)
        where T : class
    {
        context.Output.Write(result.Resource ?? (object)new { Name = name, Deleted = true });
        if (!result.Succeeded)
        {
            throw new OutcomeException(ExitCodes.Of(result.Outcome), $"{result.Message}: {result.Advice}");
        }
    }

    /// <summary>A progress renderer for one resource.</summary>
    public static WaitProgress<T> Progress<T>(CliContext context, string subject, Func<T, WaitStatus> status) =>
        new(context.Environment, subject, status, context.Output.Palette);

    private static async Task RunAsync<T>(CliContext context, string noun, string name, Func<T, WaitStatus> status, Func<IProgress<T>, Task<WaitResult<T>>> wait)
        where T : class
    {
        WaitResult<T> result;
        using (var progress = Progress(context, $"{noun} {name}", status))
        {
            result = await wait(progress).ConfigureAwait(false);
        }

        Finish(context, result, name);
    }
}
