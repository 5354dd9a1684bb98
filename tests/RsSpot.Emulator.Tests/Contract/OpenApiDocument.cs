using Newtonsoft.Json.Linq;

namespace RsSpot.Emulator.Tests.Contract;

/// <summary>One operation of the OpenAPI document.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="PathTemplate">Path with {placeholders}.</param>
/// <param name="OperationId">The operationId (also the test-case name).</param>
/// <param name="Definition">The operation object of the document.</param>
public sealed record OpenApiOperation(string Method, string PathTemplate, string OperationId, JObject Definition)
{
    /// <inheritdoc/>
    public override string ToString() => OperationId;
}

/// <summary>Reads openapi/rackspace-spot.json (copied next to the test binaries) and resolves its references.</summary>
internal sealed class OpenApiDocument
{
    private static readonly Lazy<OpenApiDocument> Shared = new(() =>
        new(JObject.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "openapi", "rackspace-spot.json")))));

    private OpenApiDocument(JObject root) => Root = root;

    public static OpenApiDocument Instance => Shared.Value;

    public JObject Root { get; }

    public IEnumerable<OpenApiOperation> Operations =>
        from path in ((JObject)Root["paths"]!).Properties()
        from op in ((JObject)path.Value).Properties()
        where op.Name != "parameters"
        select new OpenApiOperation(op.Name.ToUpperInvariant(), path.Name, op.Value.Value<string>("operationId")!, (JObject)op.Value);

    /// <summary>Follows a chain of <c>$ref</c> to the referenced node.</summary>
    public JObject Resolve(JObject node)
    {
        while (node["$ref"]?.Value<string>() is { } reference)
        {
            var target = reference.TrimStart('#', '/').Split('/').Aggregate((JToken)Root, (current, segment) => current[segment]!);
            node = (JObject)target;
        }

        return node;
    }

    /// <summary>The JSON schema of an operation's response for a status code, or null when it has no JSON body.</summary>
    public JObject? ResponseSchema(OpenApiOperation operation, int status)
    {
        var responses = (JObject)operation.Definition["responses"]!;
        if (responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JObject response)
        {
            return null;
        }

        return Resolve(response)["content"]?["application/json"]?["schema"] as JObject;
    }

    public static bool Documents(OpenApiOperation operation, int status) =>
        operation.Definition["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not null;
}
