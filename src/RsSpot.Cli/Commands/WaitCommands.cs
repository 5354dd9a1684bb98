using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Progress;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot wait cloudspace|nodepool</c>: block until a resource is usable, telling slow from stuck. Ready or
/// fulfilled exits 0; a timeout exits 5; each blocking state (Error, NoWinningBids, Lost, SpeedBump Hit,
/// SubscriptionSuspended, deleted) has its own code (6-11) and a line saying what to do.
/// </summary>
internal sealed class WaitCommands(CliContext context)
{
    private const string OrgHelp = "Organization name, id or namespace (default: the configured one)";
    private const string TimeoutHelp = "Longest wait: seconds or 10m, 1h (then exit 5; the resource keeps going)";

    [Command("cloudspace", Description = "Wait until a cloudspace is Ready (exit codes 5-11 name any other ending)")]
    [SpotOperation("CloudSpaces_Get")]
    public Task CloudSpace(
        [Argument(Description = "Cloudspace name")] string name,
        [Option("for", Description = "What to wait for: ready")] string @for = "ready",
        [Option("wait-timeout", Description = TimeoutHelp)] string waitTimeout = "30m",
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        Require(@for, "ready");
        return Waits.CloudSpaceAsync(context, name, OptionValues.Duration(waitTimeout, "wait-timeout"), org);
    }

    [Command("nodepool", Description = "Wait until a node pool has won its servers (exit codes 5-11 name any other ending)")]
    [SpotOperation("SpotNodePools_Get")]
    [SpotOperation("OnDemandNodePools_Get")]
    public async Task NodePool(
        [Argument(Description = "Pool name")] string name,
        [Option("for", Description = "What to wait for: fulfilled")] string @for = "fulfilled",
        [Option("min-won", Description = "Servers that count as fulfilled (default: the pool's desired count)")] int? minWon = null,
        [Option("kind", Description = "spot, ondemand, or auto (whichever has the name)")] string kind = "auto",
        [Option("wait-timeout", Description = TimeoutHelp)] string waitTimeout = "30m",
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        Require(@for, "fulfilled");
        if (minWon < 0)
        {
            throw new UsageException($"invalid --min-won {minWon}: use 0 or more");
        }

        var timeout = OptionValues.Duration(waitTimeout, "wait-timeout");
        var spot = kind.ToLowerInvariant() switch
        {
            "spot" => true,
            "ondemand" or "on-demand" => false,
            "auto" => await IsSpotPoolAsync(name, org).ConfigureAwait(false),
            _ => throw new UsageException($"invalid --kind '{kind}': use spot, ondemand or auto"),
        };
        await (spot
            ? Waits.SpotPoolAsync(context, name, minWon, timeout, org)
            : Waits.OnDemandPoolAsync(context, name, minWon, timeout, org)).ConfigureAwait(false);
    }

    private static void Require(string value, string expected)
    {
        if (!string.Equals(value, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"invalid --for '{value}': this resource can only be waited for until it is {expected}");
        }
    }

    /// <summary>Pool names are UUIDs shared by neither kind: a spot pool of that name decides, else it is on-demand.</summary>
    private async Task<bool> IsSpotPoolAsync(string name, string? org)
    {
        try
        {
            await context.Client.SpotNodePools.GetAsync(name, org, context.CancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SpotNotFoundException)
        {
            return false;
        }
    }
}
