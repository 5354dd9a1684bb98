using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Progress;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot nodepools spot list|get|create|update|replace|delete</c>; every bid goes through the bid guard.</summary>
internal sealed class SpotNodePoolsCommands(CliContext context)
{
    private const string OrgHelp = "Organization name, id or namespace (default: the configured one)";

    [Command("list", Description = "List spot pools, optionally of one cloudspace")]
    [SpotOperation("SpotNodePools_List")]
    public async Task List(
        [Option("cloudspace", Description = "Only the pools of this cloudspace")] string? cloudSpace = null,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        var pools = await context.Client.SpotNodePools.ListAsync(cloudSpace, org, context.CancellationToken).ConfigureAwait(false);
        context.Output.WriteList(pools, Row);
    }

    [Command("get", Description = "Show one spot pool")]
    [SpotOperation("SpotNodePools_Get")]
    public async Task Get([Argument(Description = "Pool name")] string name, [Option("org", Description = OrgHelp)] string? org = null) =>
        context.Output.Write(await context.Client.SpotNodePools.GetAsync(name, org, context.CancellationToken).ConfigureAwait(false));

    [Command("create", Description = "Create a spot pool in a cloudspace")]
    [SpotOperation("SpotNodePools_Create")]
    [SpotOperation("ServerClasses_Get")]
    public async Task Create(
        PoolCreateOptions options,
        PoolWaitOptions wait,
        [Option("bid-price", Description = "Maximum USD per hour per server, e.g. 0.012")] string bidPrice,
        [Option("force", Description = PoolSupport.ForceHelp)] bool force = false)
    {
        context.RefuseChanges($"creating a spot pool in cloudspace '{options.CloudSpace}'");
        var request = options.ApplyTo(new CreateSpotNodePoolRequest { CloudSpace = options.CloudSpace, ServerClass = options.ServerClass, BidPrice = bidPrice, AllowHighBid = force });
        var limit = wait.Limit();
        PoolSupport.Validate(request);
        await PoolSupport.GuardBidAsync(context, request.ServerClass, request.BidPrice, force).ConfigureAwait(false);
        var created = await context.Client.SpotNodePools.CreateAsync(request, options.Org, context.CancellationToken).ConfigureAwait(false);
        await PoolSupport.WriteOrWaitAsync(context, created, "created", limit, options.Org).ConfigureAwait(false);
    }

    [Command("update", Description = "Change a spot pool; only the options given are sent")]
    [SpotOperation("SpotNodePools_Patch")]
    [SpotOperation("SpotNodePools_Replace")]
    [SpotOperation("ServerClasses_Get")]
    public async Task Update(
        [Argument(Description = "Pool name")] string name,
        PoolUpdateOptions options,
        PoolWaitOptions wait,
        [Option("bid-price", Description = "New maximum USD per hour per server")] string? bidPrice = null,
        [Option("force", Description = PoolSupport.ForceHelp)] bool force = false)
    {
        context.RefuseChanges($"updating spot pool '{name}'");
        var request = options.ApplyTo(new UpdateSpotNodePoolRequest { BidPrice = bidPrice, AllowHighBid = force });
        var limit = wait.Limit();
        if (request.BidPrice is { } bid && (await context.Client.SpotNodePools.GetAsync(name, options.Org, context.CancellationToken).ConfigureAwait(false)).ServerClass is { } serverClass)
        {
            await PoolSupport.GuardBidAsync(context, serverClass, bid, force).ConfigureAwait(false);
        }

        var updated = await context.Client.SpotNodePools.UpdateAsync(name, request, options.IfResourceVersion, options.Org, context.CancellationToken).ConfigureAwait(false);
        await PoolSupport.WriteOrWaitAsync(context, updated, "updated", limit, options.Org).ConfigureAwait(false);
    }

    [Command("replace", Description = "Replace a spot pool safely: create the new one, wait for its servers, then delete the old one (rolled back on failure)")]
    [SpotOperation("SpotNodePools_Get")]
    [SpotOperation("SpotNodePools_Create")]
    [SpotOperation("SpotNodePools_Delete")]
    [SpotOperation("ServerClasses_Get")]
    public async Task Replace(
        [Argument(Description = "Pool to replace")] string name,
        [Option("server-class", Description = "Server class of the new pool")] string serverClass,
        [Option("bid-price", Description = "Bid of the new pool (default: the old pool's)")] string? bidPrice = null,
        [Option("desired", Description = "Servers of the new pool (default: the old pool's)")] int? desired = null,
        [Option("wait-timeout", Description = "Longest wait for the new pool's servers; then it is deleted")] string waitTimeout = "30m",
        [Option("force", Description = PoolSupport.ForceHelp)] bool force = false,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        context.RefuseChanges($"replacing spot pool '{name}'");
        var changes = new UpdateSpotNodePoolRequest { BidPrice = bidPrice, Desired = desired, AllowHighBid = force };
        var timeout = OptionValues.Duration(waitTimeout, "wait-timeout");
        var old = await context.Client.SpotNodePools.GetAsync(name, org, context.CancellationToken).ConfigureAwait(false);
        await PoolSupport.GuardBidAsync(context, serverClass, bidPrice ?? old.BidPrice ?? "", force).ConfigureAwait(false);
        await PoolSupport.ReplaceAsync<SpotNodePool>(context, "spot pool", name, serverClass, Waits.Status,
            progress => context.Client.SpotNodePools.ReplaceAsync(name, serverClass, changes, timeout, progress, org, context.CancellationToken)).ConfigureAwait(false);
    }

    [Command("delete", Description = "Delete a spot pool (its servers are released)")]
    [SpotOperation("SpotNodePools_Delete")]
    public async Task Delete(
        [Argument(Description = "Pool name")] string name,
        [Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        context.RefuseChanges($"deleting spot pool '{name}'");
        context.Confirm($"delete spot pool '{name}'?", yes);
        await context.Client.SpotNodePools.DeleteAsync(name, org, context.CancellationToken).ConfigureAwait(false);
        context.Output.Write(new { Deleted = "spot node pool", Name = name });
    }

    private static object Row(SpotNodePool p) => new
    {
        p.Name,
        p.CloudSpace,
        p.ServerClass,
        p.Desired,
        Autoscaling = PoolOptionRules.Describe(p.Autoscaling),
        p.BidPrice,
        p.BidStatus,
        Won = p.WonCount,
        Taints = p.CustomTaints.Select(t => t.ToString()),
    };
}
