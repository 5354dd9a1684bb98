using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot server-classes list|get</c>.</summary>
internal sealed class ServerClassesCommands(CliContext context)
{
    [Command("list", Description = "List server classes (only those available now, unless --all)")]
    [SpotOperation("ServerClasses_List")]
    public async Task List(
        [Option("region", Description = "Only this region (case-insensitive)")] string? region = null,
        [Option("all", Description = "Include unavailable and deprecated classes")] bool all = false)
    {
        var classes = await context.Client.ServerClasses.ListAsync(region, onlyAvailable: !all, context.CancellationToken).ConfigureAwait(false);
        context.Output.WriteList(classes, Row);
    }

    [Command("get", Description = "Show one server class with its hardware and prices")]
    [SpotOperation("ServerClasses_Get")]
    public async Task Get([Argument(Description = "Class name, e.g. gp.vs1.medium-dfw")] string name) =>
        context.Output.Write(await context.Client.ServerClasses.GetAsync(name, context.CancellationToken).ConfigureAwait(false));

    private static object Row(ServerClass c) => new
    {
        c.Name,
        c.Region,
        c.Category,
        c.Cpu,
        c.Memory,
        c.Availability,
        Market = c.MarketPricePerHour,
        MinBid = c.MinBidPricePerHour,
        OnDemand = c.OnDemandPricePerHour,
        c.Available,
    };
}
