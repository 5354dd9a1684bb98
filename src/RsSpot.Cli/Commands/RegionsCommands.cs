using Cocona;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot regions list|get</c>.</summary>
internal sealed class RegionsCommands(CliContext context)
{
    [Command("list", Description = "List every region")]
    [SpotOperation("Regions_List")]
    public async Task List() =>
        context.Output.Write(await context.Client.Regions.ListAsync(context.CancellationToken).ConfigureAwait(false));

    [Command("get", Description = "Show one region")]
    [SpotOperation("Regions_Get")]
    public async Task Get([Argument(Description = "Region name, e.g. us-central-dfw-1")] string name) =>
        context.Output.Write(await context.Client.Regions.GetAsync(name, context.CancellationToken).ConfigureAwait(false));
}
