using Cocona;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot organizations list|get</c>.</summary>
internal sealed class OrganizationsCommands(CliContext context)
{
    [Command("list", Description = "List the organizations you belong to")]
    [SpotOperation("Organizations_List")]
    public async Task List() =>
        context.Output.Write(await context.Client.Organizations.ListAsync(context.CancellationToken).ConfigureAwait(false));

    [Command("get", Description = "Show one organization by name, id or namespace")]
    [SpotOperation("Organizations_List")]
    public async Task Get([Argument(Description = "Name, id (org_...) or namespace (org-...)")] string nameOrId) =>
        context.Output.Write(await context.Client.Organizations.GetAsync(nameOrId, context.CancellationToken).ConfigureAwait(false));
}
