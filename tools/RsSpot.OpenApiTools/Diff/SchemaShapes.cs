using System.Text.Json.Nodes;

namespace RsSpot.OpenApiTools.Diff;

/// <summary>The comparable facts of one schema or property.</summary>
/// <param name="Type">The JSON type (<c>object</c>, <c>string</c>, <c>array</c>...), <c>$ref</c>s followed; <c>any</c> when unstated.</param>
/// <param name="Format">The format, if any (<c>int32</c>, <c>date-time</c>...).</param>
/// <param name="Required">Whether the enclosing object requires the property.</param>
public sealed record PropertyShape(string Type, string? Format, bool Required);

/// <summary>
/// Flattens a schema into property paths (<c>spec.autoscaling.minNodes</c>, <c>spec.customTaints[].key</c>,
/// <c>metadata.labels{}</c>) so documents that inline a nested object and documents that <c>$ref</c> it
/// compare equal. A <c>$ref</c> to a schema both documents define is not expanded: that schema is
/// compared once under its own name instead of under every schema that uses it.
/// </summary>
public sealed class SchemaShapes
{
    private const int MaxDepth = 12;

    private readonly OpenApiModel _model;
    private readonly ISet<string> _comparedSeparately;

    /// <summary>Creates a flattener over <paramref name="model"/>.</summary>
    /// <param name="model">The document the schemas come from.</param>
    /// <param name="comparedSeparately">Normalised names of schemas that both documents define.</param>
    public SchemaShapes(OpenApiModel model, ISet<string> comparedSeparately)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(comparedSeparately);
        _model = model;
        _comparedSeparately = comparedSeparately;
    }

    /// <summary>The type of <paramref name="schema"/> with <c>$ref</c>s followed (<c>any</c> when unstated).</summary>
    public string TypeOf(JsonObject? schema)
    {
        var resolved = _model.Dereference(schema);
        if (resolved?["type"] is JsonValue type)
        {
            return type.ToString();
        }

        // Properties, allOf or additionalProperties without a "type" still describe an object.
        return resolved is not null && (resolved["properties"] is not null || resolved["allOf"] is not null || resolved["additionalProperties"] is JsonObject)
            ? "object"
            : "any";
    }

    /// <summary>A short label for a request or response body: the schema name for a <c>$ref</c>, else the type.</summary>
    public string LabelOf(JsonObject? schema) => schema?["$ref"] is JsonValue reference
        ? OpenApiModel.SchemaName(reference.ToString())
        : TypeOf(schema) is "array" ? $"{LabelOf(schema?["items"] as JsonObject)}[]" : TypeOf(schema);

    /// <summary>Every property path under <paramref name="schema"/> with its shape, ordered by path.</summary>
    public IReadOnlyDictionary<string, PropertyShape> Flatten(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var result = new SortedDictionary<string, PropertyShape>(StringComparer.Ordinal);
        Walk(_model.Dereference(schema), prefix: string.Empty, result, [], depth: 0);
        return result;
    }

    private void Walk(JsonObject? schema, string prefix, SortedDictionary<string, PropertyShape> result, HashSet<JsonObject> visiting, int depth)
    {
        if (schema is null || depth > MaxDepth || !visiting.Add(schema))
        {
            return;
        }

        var required = (schema["required"] as JsonArray ?? []).Select(r => r?.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, property) in Properties(schema))
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            result[path] = Shape(property, required.Contains(name));
            Descend(property, path, result, visiting, depth);
        }

        if (schema["items"] is JsonObject items)
        {
            var path = $"{prefix}[]";
            result[path] = Shape(items, required: false);
            Descend(items, path, result, visiting, depth);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            var path = $"{prefix}{{}}";
            result[path] = Shape(values, required: false);
            Descend(values, path, result, visiting, depth);
        }

        visiting.Remove(schema);
    }

    private void Descend(JsonObject property, string path, SortedDictionary<string, PropertyShape> result, HashSet<JsonObject> visiting, int depth)
    {
        if (property["$ref"] is JsonValue reference && _comparedSeparately.Contains(OpenApiModel.SchemaName(reference.ToString())))
        {
            return;
        }

        Walk(_model.Dereference(property), path, result, visiting, depth + 1);
    }

    private PropertyShape Shape(JsonObject schema, bool required) =>
        new(TypeOf(schema), _model.Dereference(schema)?["format"]?.ToString(), required);

    // allOf members contribute their properties as if declared inline (the usual "extends" idiom).
    private IEnumerable<(string Name, JsonObject Schema)> Properties(JsonObject schema)
    {
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            if (property is JsonObject obj)
            {
                yield return (name, obj);
            }
        }

        foreach (var member in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var inherited in Properties(_model.Dereference(member) ?? []))
            {
                yield return inherited;
            }
        }
    }
}
