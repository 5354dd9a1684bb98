using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.Validation;

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

/// <summary>The operations of openapi/rackspace-spot.json, as embedded in the emulator (which checks request bodies against it).</summary>
internal static class OpenApiDocument
{
    public static IEnumerable<OpenApiOperation> Operations =>
        ContractCoverage.Operations(WireSchemas.Document).Select(o => new OpenApiOperation(o.Method, o.Path, o.OperationId, o.Definition));

    /// <summary>The JSON schema of an operation's response for a status code, or null when it has no JSON body.</summary>
    public static JObject? ResponseSchema(OpenApiOperation operation, int status)
    {
        var responses = (JObject)operation.Definition["responses"]!;
        if (responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JObject response)
        {
            return null;
        }

        return WireSchemas.Resolve(response)["content"]?["application/json"]?["schema"] as JObject;
    }

    public static bool Documents(OpenApiOperation operation, int status) =>
        operation.Definition["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not null;
}
