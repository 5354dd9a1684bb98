using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot nodepools spot list|get|create|update|delete</c>.</summary>
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
    public async Task Create(
        PoolCreateOptions options,
        [Option("bid-price", Description = "Maximum USD per hour per server, e.g. 0.012")] string bidPrice)
    {
        var request = options.ApplyTo(new CreateSpotNodePoolRequest { CloudSpace = options.CloudSpace, ServerClass = options.ServerClass, BidPrice = bidPrice });
        context.Output.Write(await context.Client.SpotNodePools.CreateAsync(request, options.Org, context.CancellationToken).ConfigureAwait(false));
    }

    [Command("update", Description = "Change a spot pool; only the options given are sent")]
    [SpotOperation("SpotNodePools_Patch")]
    [SpotOperation("SpotNodePools_Replace")]
    public async Task Update(
        [Argument(Description = "Pool name")] string name,
        PoolUpdateOptions options,
        [Option("bid-price", Description = "New maximum USD per hour per server")] string? bidPrice = null)
    {
        var request = options.ApplyTo(new UpdateSpotNodePoolRequest { BidPrice = bidPrice });
        context.Output.Write(await context.Client.SpotNodePools.UpdateAsync(name, request, options.IfResourceVersion, options.Org, context.CancellationToken).ConfigureAwait(false));
    }

    [Command("delete", Description = "Delete a spot pool (its servers are released)")]
    [SpotOperation("SpotNodePools_Delete")]
    public async Task Delete(
        [Argument(Description = "Pool name")] string name,
        [Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
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
