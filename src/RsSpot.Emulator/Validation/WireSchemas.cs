using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Json;

namespace RsSpot.Emulator.Validation;

/// <summary>
/// The schemas of openapi/rackspace-spot.json, embedded in this assembly: request bodies are checked against the
/// same document that the generated client and the contract tests are built from, so the three cannot drift apart.
/// </summary>
internal static class WireSchemas
{
    private static readonly Lazy<JObject> Root = new(Load);

    /// <summary>The whole OpenAPI document.</summary>
    public static JObject Document => Root.Value;

    /// <summary>The schema of <c>components/schemas/{name}</c>; throws when the document has none of that name.</summary>
    /// <param name="name">Schema name, e.g. <c>CloudSpace</c>.</param>
    public static JObject Component(string name) =>
        Document["components"]?["schemas"]?[name] as JObject
        ?? throw new KeyNotFoundException($"openapi/rackspace-spot.json has no schema '{name}'.");

    /// <summary>Follows a chain of <c>$ref</c> (local references only) to the node it names.</summary>
    /// <param name="node">A schema, possibly a reference.</param>
    public static JObject Resolve(JObject node)
    {
        while (node.Value<string>("$ref") is { } reference)
        {
            var target = reference.TrimStart('#', '/').Split('/').Aggregate((JToken?)Document, (current, segment) => current?[segment]);
            node = target as JObject ?? throw new KeyNotFoundException($"openapi/rackspace-spot.json has no '{reference}'.");
        }

        return node;
    }

    private static JObject Load()
    {
        using var stream = typeof(WireSchemas).Assembly.GetManifestResourceStream("RsSpot.Emulator.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded in RsSpot.Emulator.");
        using var reader = new JsonTextReader(new StreamReader(stream));
        return JsonSerializer.Create(EmulatorJson.Settings).Deserialize<JObject>(reader)!;
    }
}
