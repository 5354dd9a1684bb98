using Cocona;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot whoami</c>: the identity and endpoint in effect, without secrets.</summary>
internal sealed class WhoAmICommand(CliContext context)
{
    [PrimaryCommand]
    [Command("whoami", Description = "Show the profile, organization (name, id, namespace), region, token expiry and API endpoint in effect")]
    [SpotOperation("Auth_GetToken")]
    [SpotOperation("Organizations_List")]
    public async Task WhoAmI() =>
        context.Output.Write(await context.Client.WhoAmIAsync(context.CancellationToken).ConfigureAwait(false));
}
