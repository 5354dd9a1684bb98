using System.Globalization;
using Cocona;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot auth kube-token</c>: the exec credential plugin of the kubeconfigs written by
/// <c>cloudspaces get-config --exec</c>. kubectl runs it whenever it needs a token; it answers from the token cache
/// in state.db (shared with every other rsspot run), so the identity provider is only asked near expiry.
/// </summary>
internal sealed class AuthCommands(CliContext context)
{
    [Command("kube-token", Description = "Print an ExecCredential with a fresh id_token for kubectl (used by 'cloudspaces get-config --exec')")]
    [SpotOperation("Auth_GetToken")]
    public async Task KubeToken()
    {
        var token = await context.Client.GetIdTokenAsync(context.CancellationToken).ConfigureAwait(false);
        // stdout carries the credential and nothing else, whatever -o says: kubectl parses it.
        var credential = new JObject
        {
            ["apiVersion"] = ExecKubeconfig.ExecApiVersion,
            ["kind"] = "ExecCredential",
            ["status"] = new JObject
            {
                ["token"] = token.Value,
                ["expirationTimestamp"] = token.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
        };
        context.Output.WriteText(credential.ToString(Formatting.None));
    }
}
