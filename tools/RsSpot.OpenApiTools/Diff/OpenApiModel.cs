using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RsSpot.OpenApiTools.Diff;

/// <summary>One parameter of an operation, as compared between documents.</summary>
/// <param name="Key">Identity across documents: <c>query:labelSelector</c>, <c>header:content-type</c>, or
/// <c>path#1</c> for the first path parameter (path parameter names differ between documents).</param>
/// <param name="Name">The parameter's name in this document.</param>
/// <param name="Required">Whether the parameter is required.</param>
/// <param name="Schema">The parameter's schema, if any.</param>
public sealed record ApiParameter(string Key, string Name, bool Required, JsonObject? Schema);

/// <summary>One operation of a document.</summary>
/// <param name="Key">Identity across documents: upper-case method and normalised path, e.g. <c>GET /regions/{}</c>.</param>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">The path template as written in this document.</param>
/// <param name="OperationId">The operationId, or a name derived from method and path when the document has none.</param>
/// <param name="Summary">The summary (or first line of the description), if any.</param>
/// <param name="Parameters">Parameters by <see cref="ApiParameter.Key"/>, path-level ones included.</param>
/// <param name="RequestBody">Schema of the JSON request body, if any.</param>
/// <param name="RequestBodyRequired">Whether the request body is required.</param>
/// <param name="SuccessResponse">Schema of the first 2xx response that has one, if any.</param>
public sealed record ApiOperation(
    string Key,
    string Method,
    string Path,
    string OperationId,
    string? Summary,
    IReadOnlyDictionary<string, ApiParameter> Parameters,
    JsonObject? RequestBody,
    bool RequestBodyRequired,
    JsonObject? SuccessResponse);

/// <summary>
/// The parts of an OpenAPI 3 (or Swagger 2) document that drift detection and the index need: operations
/// in a stable order, and component schemas under their normalised names.
/// </summary>
public sealed partial class OpenApiModel
{
    /// <summary>HTTP methods that can hold an operation, in the order operations are listed.</summary>
    public static readonly IReadOnlyList<string> Methods = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];

    // OpenAPI 3 says header parameters with these names are ignored (content negotiation and security cover them).
    private static readonly HashSet<string> IgnoredHeaders = new(["Accept", "Content-Type", "Authorization"], StringComparer.OrdinalIgnoreCase);

    private readonly JsonObject _document;

    private OpenApiModel(JsonObject document)
    {
        _document = document;
        Schemas = ReadSchemas(document);
        Operations = ReadOperations(document).ToList();
    }

    /// <summary>Operations ordered by path, then by method in <see cref="Methods"/> order.</summary>
    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>Component schemas keyed by <see cref="SchemaName"/> (first one wins on a collision).</summary>
    public IReadOnlyDictionary<string, JsonObject> Schemas { get; }

    /// <summary>Builds the model of <paramref name="document"/>.</summary>
    public static OpenApiModel From(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new OpenApiModel(document);
    }

    /// <summary>
    /// The name a schema is matched by across documents: the last dot-separated segment of the component
    /// name (or of a <c>$ref</c>'s last path segment), so the upstream <c>io.rxt.ngpc.v1.CloudSpace</c> and
    /// <c>io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta</c> match our <c>CloudSpace</c> and <c>ObjectMeta</c>.
    /// </summary>
    public static string SchemaName(string componentNameOrReference)
    {
        ArgumentNullException.ThrowIfNull(componentNameOrReference);
        var name = componentNameOrReference[(componentNameOrReference.LastIndexOf('/') + 1)..];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    /// <summary>The path with every parameter name blanked (<c>/history/{server_class}</c> → <c>/history/{}</c>).</summary>
    public static string NormalizePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return PathParameter().Replace(trimmed, "{}");
    }

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/...</c>) and returns its target, or null.</summary>
    public JsonObject? Resolve(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = _document;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node is JsonObject obj ? obj[segment.Replace("~1", "/").Replace("~0", "~")] : null;
        }

        return node as JsonObject;
    }

    /// <summary>Returns <paramref name="node"/> with <c>$ref</c> chains followed (at most 16 hops), or null.</summary>
    public JsonObject? Dereference(JsonObject? node)
    {
        for (var hops = 0; hops < 16 && node?["$ref"] is JsonValue reference; hops++)
        {
            node = Resolve(reference.ToString());
        }

        return node;
    }

    private static Dictionary<string, JsonObject> ReadSchemas(JsonObject document)
    {
        var components = document["components"]?["schemas"] as JsonObject ?? document["definitions"] as JsonObject;
        var schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, schema) in (components ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (schema is JsonObject obj)
            {
                schemas.TryAdd(SchemaName(name), obj);
            }
        }

        return schemas;
    }

    private IEnumerable<ApiOperation> ReadOperations(JsonObject document)
    {
        var paths = document["paths"] as JsonObject ?? [];
        foreach (var (path, item) in paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Dereference(item as JsonObject) is not { } pathItem)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (pathItem[method] is JsonObject operation)
                {
                    yield return ReadOperation(path, method, pathItem, operation);
                }
            }
        }
    }

    private ApiOperation ReadOperation(string path, string method, JsonObject pathItem, JsonObject operation)
    {
        var declared = ReadParameters(pathItem).Concat(ReadParameters(operation)).ToList();
        var pathNames = PathParameter().Matches(path).Select(m => m.Groups[1].Value).ToList();
        var parameters = new Dictionary<string, ApiParameter>(StringComparer.Ordinal);
        JsonObject? bodySchema = null;
        var bodyRequired = false;
        foreach (var parameter in declared)
        {
            var name = parameter["name"]?.ToString() ?? string.Empty;
            var location = parameter["in"]?.ToString() ?? string.Empty;
            if (location == "body")
            {
                // Swagger 2 carries the request body as a parameter.
                bodySchema = parameter["schema"] as JsonObject;
                bodyRequired = IsTrue(parameter["required"]);
                continue;
            }

            if (location == "header" && IgnoredHeaders.Contains(name))
            {
                continue;
            }

            var key = location switch
            {
                "path" => $"path#{pathNames.IndexOf(name) + 1}",
                "header" => $"header:{name.ToLowerInvariant()}",
                _ => $"{location}:{name}",
            };
            var schema = parameter["schema"] as JsonObject ?? SwaggerInlineSchema(parameter);
            // Operation-level parameters override path-level ones with the same identity.
            parameters[key] = new ApiParameter(key, name, IsTrue(parameter["required"]) || location == "path", schema);
        }

        if (Dereference(operation["requestBody"] as JsonObject) is { } requestBody)
        {
            bodySchema = JsonContentSchema(requestBody);
            bodyRequired = IsTrue(requestBody["required"]);
        }

        var upperMethod = method.ToUpperInvariant();
        return new ApiOperation(
            $"{upperMethod} {NormalizePath(path)}",
            upperMethod,
            path,
            operation["operationId"]?.ToString() ?? DerivedOperationId(method, path),
            Summary(operation),
            parameters,
            bodySchema,
            bodyRequired,
            SuccessSchema(operation));
    }

    private IEnumerable<JsonObject> ReadParameters(JsonObject owner) =>
        (owner["parameters"] as JsonArray ?? []).OfType<JsonObject>().Select(Dereference).OfType<JsonObject>();

    private JsonObject? SuccessSchema(JsonObject operation)
    {
        var responses = operation["responses"] as JsonObject ?? [];
        return responses
            .Where(r => r.Key.StartsWith('2'))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => Dereference(r.Value as JsonObject))
            .Select(r => r is null ? null : JsonContentSchema(r) ?? r["schema"] as JsonObject)
            .FirstOrDefault(s => s is not null);
    }

    private static JsonObject? JsonContentSchema(JsonObject holder)
    {
        var content = holder["content"] as JsonObject ?? [];
        var media = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value
            ?? content.FirstOrDefault().Value;
        return media?["schema"] as JsonObject;
    }

    // Swagger 2 puts type/format/items directly on a non-body parameter.
    private static JsonObject? SwaggerInlineSchema(JsonObject parameter) =>
        parameter["type"] is null ? null : new JsonObject { ["type"] = parameter["type"]!.DeepClone(), ["format"] = parameter["format"]?.DeepClone() };

    private static string? Summary(JsonObject operation)
    {
        var text = operation["summary"]?.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            text = operation["description"]?.ToString();
        }

        return string.IsNullOrWhiteSpace(text) ? null : text.Trim().Split('\n')[0].Trim();
    }

    // Same fallback as the reference's index: method and path, non-alphanumerics collapsed to '_'.
    private static string DerivedOperationId(string method, string path) =>
        NonAlphanumeric().Replace($"{method}_{path}", "_").Trim('_');

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
