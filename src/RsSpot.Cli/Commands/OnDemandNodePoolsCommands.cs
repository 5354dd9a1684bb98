using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot nodepools ondemand list|get|create|update|delete</c>.</summary>
internal sealed class OnDemandNodePoolsCommands(CliContext context)
{
    private const string OrgHelp = "Organization name, id or namespace (default: the configured one)";

    [Command("list", Description = "List on-demand pools, optionally of one cloudspace")]
    [SpotOperation("OnDemandNodePools_List")]
    public async Task List(
        [Option("cloudspace", Description = "Only the pools of this cloudspace")] string? cloudSpace = null,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        var pools = await context.Client.OnDemandNodePools.ListAsync(cloudSpace, org, context.CancellationToken).ConfigureAwait(false);
        context.Output.WriteList(pools, Row);
    }

    [Command("get", Description = "Show one on-demand pool")]
    [SpotOperation("OnDemandNodePools_Get")]
    public async Task Get([Argument(Description = "Pool name")] string name, [Option("org", Description = OrgHelp)] string? org = null) =>
        context.Output.Write(await context.Client.OnDemandNodePools.GetAsync(name, org, context.CancellationToken).ConfigureAwait(false));

    [Command("create", Description = "Create a on-demand pool in a cloudspace")]
    [SpotOperation("OnDemandNodePools_Create")]
    public async Task Create(PoolCreateOptions options)
    {
        var request = options.ApplyTo(new CreateOnDemandNodePoolRequest { CloudSpace = options.CloudSpace, ServerClass = options.ServerClass });
        context.Output.Write(await context.Client.OnDemandNodePools.CreateAsync(request, options.Org, context.CancellationToken).ConfigureAwait(false));
    }

    [Command("update", Description = "Change a on-demand pool; only the options given are sent")]
    [SpotOperation("OnDemandNodePools_Patch")]
    [SpotOperation("OnDemandNodePools_Replace")]
    public async Task Update([Argument(Description = "Pool name")] string name, PoolUpdateOptions options)
    {
        var request = options.ApplyTo(new UpdateOnDemandNodePoolRequest());
        context.Output.Write(await context.Client.OnDemandNodePools.UpdateAsync(name, request, options.IfResourceVersion, options.Org, context.CancellationToken).ConfigureAwait(false));
    }

    [Command("delete", Description = "Delete a on-demand pool (its servers are released)")]
    [SpotOperation("OnDemandNodePools_Delete")]
    public async Task Delete(
        [Argument(Description = "Pool name")] string name,
        [Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        context.Confirm($"delete on-demand pool '{name}'?", yes);
        await context.Client.OnDemandNodePools.DeleteAsync(name, org, context.CancellationToken).ConfigureAwait(false);
        context.Output.Write(new { Deleted = "on-demand node pool", Name = name });
    }

    private static object Row(OnDemandNodePool p) => new
    {
        p.Name,
        p.CloudSpace,
        p.ServerClass,
        p.Desired,
        Autoscaling = PoolOptionRules.Describe(p.Autoscaling),
        Reserved = p.ReservedCount,
        Status = p.ReservedStatus,
        Taints = p.CustomTaints.Select(t => t.ToString()),
    };
}
