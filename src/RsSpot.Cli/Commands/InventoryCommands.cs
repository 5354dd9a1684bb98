using Cocona;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot inventory vmcloudspaces|vmpools|events</c>: plain-VM inventory and the organization's events.</summary>
internal sealed class InventoryCommands(CliContext context)
{
    [Command("vmcloudspaces", Description = "List the VM cloudspaces of the organization")]
    [SpotOperation("VmCloudSpaces_List")]
    public async Task VmCloudSpaces([Option("org", Description = "Organization name, id or namespace")] string? org = null)
    {
        var spaces = await context.Client.Inventory.ListVmCloudSpacesAsync(org, context.CancellationToken).ConfigureAwait(false);
        context.Output.WriteList(spaces, s => new { s.Name, s.Region, s.Phase, s.Health, Servers = s.Servers.Count });
    }

    [Command("vmpools", Description = "List VM pools, optionally of one VM cloudspace")]
    [SpotOperation("VmPools_List")]
    public async Task VmPools(
        [Option("vmcloudspace", Description = "Only the pools of this VM cloudspace")] string? vmCloudSpace = null,
        [Option("org", Description = "Organization name, id or namespace")] string? org = null)
    {
        var pools = await context.Client.Inventory.ListVmPoolsAsync(vmCloudSpace, org, context.CancellationToken).ConfigureAwait(false);
        context.Output.WriteList(pools, p => new { p.Name, p.VmCloudSpace, p.ServerClass, p.PoolType, p.Desired, p.BidPrice, p.BidStatus, p.WonCount });
    }

    [Command("events", Description = "Show the organization's recent events")]
    [SpotOperation("Events_ListOrganizationEvents")]
    public async Task Events([Option("limit", Description = "Most events to fetch")] int limit = 100)
    {
        if (limit < 1)
        {
            throw new UsageException($"invalid --limit {limit}: use 1 or more");
        }

        var events = await context.Client.Inventory.ListEventsAsync(limit, context.CancellationToken).ConfigureAwait(false);
        if (context.Output.FormatFor(OutputFormat.Json) == OutputFormat.Table)
        {
            context.Output.Write(events.Events, OutputFormat.Json, $"events of {events.OrgId}");
            return;
        }

        context.Output.Write(events);
    }
}
