using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Progress;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot nodepools ondemand list|get|create|update|replace|delete</c>.</summary>
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
    public async Task Create(PoolCreateOptions options, PoolWaitOptions wait)
    {
        context.RefuseChanges($"creating an on-demand pool in cloudspace '{options.CloudSpace}'");
        var request = options.ApplyTo(new CreateOnDemandNodePoolRequest { CloudSpace = options.CloudSpace, ServerClass = options.ServerClass });
        var limit = wait.Limit();
        var created = await context.Client.OnDemandNodePools.CreateAsync(request, options.Org, context.CancellationToken).ConfigureAwait(false);
        await PoolSupport.WriteOrWaitAsync(context, created, "created", limit, options.Org).ConfigureAwait(false);
    }

    [Command("update", Description = "Change a on-demand pool; only the options given are sent")]
    [SpotOperation("OnDemandNodePools_Patch")]
    [SpotOperation("OnDemandNodePools_Replace")]
    public async Task Update([Argument(Description = "Pool name")] string name, PoolUpdateOptions options, PoolWaitOptions wait)
    {
        context.RefuseChanges($"updating on-demand pool '{name}'");
        var request = options.ApplyTo(new UpdateOnDemandNodePoolRequest());
        var limit = wait.Limit();
        var updated = await context.Client.OnDemandNodePools.UpdateAsync(name, request, options.IfResourceVersion, options.Org, context.CancellationToken).ConfigureAwait(false);
        await PoolSupport.WriteOrWaitAsync(context, updated, "updated", limit, options.Org).ConfigureAwait(false);
    }

    [Command("replace", Description = "Replace an on-demand pool safely: create the new one, wait for its servers, then delete the old one (rolled back on failure)")]
    [SpotOperation("OnDemandNodePools_Get")]
    [SpotOperation("OnDemandNodePools_Create")]
    [SpotOperation("OnDemandNodePools_Delete")]
    public async Task Replace(
        [Argument(Description = "Pool to replace")] string name,
        [Option("server-class", Description = "Server class of the new pool")] string serverClass,
        [Option("desired", Description = "Servers of the new pool (default: the old pool's)")] int? desired = null,
        [Option("wait-timeout", Description = "Longest wait for the new pool's servers; then it is deleted")] string waitTimeout = "30m",
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        context.RefuseChanges($"replacing on-demand pool '{name}'");
        var changes = new UpdateOnDemandNodePoolRequest { Desired = desired };
        var timeout = OptionValues.Duration(waitTimeout, "wait-timeout");
        await PoolSupport.ReplaceAsync<OnDemandNodePool>(context, "on-demand pool", name, serverClass, Waits.Status,
            progress => context.Client.OnDemandNodePools.ReplaceAsync(name, serverClass, changes, timeout, progress, org, context.CancellationToken)).ConfigureAwait(false);
    }

    [Command("delete", Description = "Delete a on-demand pool (its servers are released)")]
    [SpotOperation("OnDemandNodePools_Delete")]
    public async Task Delete(
        [Argument(Description = "Pool name")] string name,
        [Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        context.RefuseChanges($"deleting on-demand pool '{name}'");
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
