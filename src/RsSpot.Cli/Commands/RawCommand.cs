using Cocona;
using Newtonsoft.Json.Linq;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot raw</c>: an authenticated request to any API path, for what no command covers yet.</summary>
internal sealed class RawCommand(CliContext context)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    [PrimaryCommand]
    [Command("raw", Description = "Send an authenticated request to any API path and print the JSON response")]
    public async Task Raw(
        [Option("path", Description = "Path under the API base, e.g. /apis/ngpc.rxt.io/v1/regions")] string path,
        [Option("method", Description = "GET, POST, PUT, PATCH or DELETE")] string method = "GET",
        [Option("params-json", Description = "Query parameters as a JSON object, e.g. '{\"limit\": 5}'")] string? paramsJson = null,
        [Option("body-json", Description = "Request body as a JSON object (PATCH sends it as a merge patch)")] string? bodyJson = null)
    {
        var verb = Methods.FirstOrDefault(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"invalid --method '{method}': use {string.Join(", ", Methods)}");
        if (!path.StartsWith('/'))
        {
            throw new UsageException($"invalid --path '{path}': it must start with '/'");
        }

        if (RsSpot.Http.ReadOnlyGuard.Changes(new HttpMethod(verb)))
        {
            context.RefuseChanges($"{verb} {path}");
        }

        var query = OptionValues.JsonObject(paramsJson, "params-json")?.Properties().ToDictionary(p => p.Name, p => QueryValue(p), StringComparer.Ordinal);
        var body = OptionValues.JsonObject(bodyJson, "body-json");
        var response = await context.Client.RawAsync(new HttpMethod(verb), path, query, body, context.CancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            context.Output.Note("(empty response)");
            return;
        }

        context.Output.Write(response);
    }

    /// <summary>Query values are strings on the wire; objects and lists have no agreed query form, so they are refused.</summary>
    private static string QueryValue(JProperty property) => property.Value switch
    {
        JValue { Type: JTokenType.Null } => "",
        JValue { Type: JTokenType.Boolean } value => (bool)value! ? "true" : "false",
        JValue value => Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        _ => throw new UsageException($"invalid --params-json: the value of '{property.Name}' must be a string, number or boolean"),
    };
}
