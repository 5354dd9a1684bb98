using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Emulator.Validation;

/// <summary>What a schema check enforces beyond types, integer formats and enums.</summary>
[Flags]
internal enum SchemaChecks
{
    /// <summary>Types, integer ranges and enums only; every null is refused (a created or replaced object).</summary>
    None = 0,

    /// <summary>Properties listed under <c>required</c> must be present (the server's own answers).</summary>
    Required = 1,

    /// <summary>Nulls are accepted anywhere: in a merge patch they remove the field.</summary>
    NullsRemove = 2,
}

/// <summary>
/// Checks JSON against the subset of JSON Schema the OpenAPI document uses (type, format, enum, required,
/// properties, additionalProperties, items, allOf, $ref) and reports every violation at its field path, so that a
/// wrongly typed field at any depth is refused before the emulator's rules read it.
/// </summary>
internal static class SchemaChecker
{
    private const int ShownValueLength = 40;

    /// <summary>Every violation of <paramref name="schema"/> by <paramref name="value"/>; empty when it conforms.</summary>
    /// <param name="value">The JSON to check.</param>
    /// <param name="schema">A schema of the document (a <c>$ref</c> is followed).</param>
    /// <param name="checks">What is enforced beyond types.</param>
    public static IReadOnlyList<FieldError> Check(JToken value, JObject schema, SchemaChecks checks = SchemaChecks.None)
    {
        var errors = new List<FieldError>();
        Check(value, schema, string.Empty, checks, errors);
        return errors;
    }

    private static void Check(JToken value, JObject schema, string path, SchemaChecks checks, List<FieldError> errors)
    {
        schema = WireSchemas.Resolve(schema);
        foreach (var part in schema["allOf"]?.OfType<JObject>() ?? [])
        {
            Check(value, part, path, checks, errors);
        }

        var type = schema.Value<string>("type");
        if (value.Type == JTokenType.Null)
        {
            if (!checks.HasFlag(SchemaChecks.NullsRemove) && schema.Value<bool?>("nullable") != true)
            {
                errors.Add(new(path, $"expected {type ?? "a value"}, got null", "FieldValueTypeInvalid"));
            }

            return;
        }

        if (type is not null && !HasType(value, type))
        {
            errors.Add(new(path, $"expected {type}, got {Describe(value)}", "FieldValueTypeInvalid"));
            return;
        }

        if (OutOfRange(value, schema.Value<string>("format")) is { } format)
        {
            errors.Add(new(path, $"expected {type} ({format}), got {Describe(value)}"));
        }

        if (schema["enum"] is JArray allowed && !allowed.Any(a => JToken.DeepEquals(a, value)))
        {
            var supported = string.Join(", ", allowed.Select(a => a.ToString(Formatting.None)));
            errors.Add(new(path, $"Unsupported value: {value.ToString(Formatting.None)}: supported values: {supported}", "FieldValueNotSupported"));
        }

        if (value is JObject obj)
        {
            CheckObject(obj, schema, path, checks, errors);
        }
        else if (value is JArray array && schema["items"] is JObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), checks, errors);
            }
        }
    }

    private static void CheckObject(JObject obj, JObject schema, string path, SchemaChecks checks, List<FieldError> errors)
    {
        if (checks.HasFlag(SchemaChecks.Required))
        {
            errors.AddRange(schema["required"]?.Values<string>()
                .Where(name => obj[name!] is null)
                .Select(name => FieldError.Required(Child(path, name!))) ?? []);
        }

        var properties = schema["properties"] as JObject;
        foreach (var property in obj.Properties())
        {
            if (properties?[property.Name] is JObject propertySchema)
            {
                Check(property.Value, propertySchema, Child(path, property.Name), checks, errors);
            }
            else if (schema["additionalProperties"] is JObject additional)
            {
                // Map entries (labels, annotations) are keyed, not named fields: metadata.labels[team].
                Check(property.Value, additional, $"{path}[{property.Name}]", checks, errors);
            }
            else if (schema["additionalProperties"] is JValue { Type: JTokenType.Boolean } open && !open.Value<bool>())
            {
                errors.Add(new(Child(path, property.Name), "unknown field", "FieldValueNotFound"));
            }
        }
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static bool HasType(JToken value, string type) => type switch
    {
        "object" => value.Type == JTokenType.Object,
        "array" => value.Type == JTokenType.Array,
        "string" => value.Type == JTokenType.String,
        "integer" => value.Type == JTokenType.Integer,
        "number" => value.Type is JTokenType.Integer or JTokenType.Float,
        "boolean" => value.Type == JTokenType.Boolean,
        _ => true,
    };

    /// <summary>The format an integer does not fit (int32/int64), or null; huge literals arrive as BigInteger.</summary>
    private static string? OutOfRange(JToken value, string? format)
    {
        if (value is not JValue { Type: JTokenType.Integer } integer)
        {
            return null;
        }

        var number = integer.Value is BigInteger big ? big : new BigInteger(Convert.ToInt64(integer.Value, CultureInfo.InvariantCulture));
        return format switch
        {
            "int32" when number < int.MinValue || number > int.MaxValue => format,
            "int64" when number < long.MinValue || number > long.MaxValue => format,
            _ => null,
        };
    }

    /// <summary>The JSON type of a value, with the value itself for scalars (shortened): <c>string "two"</c>.</summary>
    private static string Describe(JToken value)
    {
        var kind = value.Type switch
        {
            JTokenType.Integer or JTokenType.Float => "number",
            JTokenType.Object or JTokenType.Array or JTokenType.String or JTokenType.Boolean => value.Type.ToString().ToLowerInvariant(),
            _ => value.Type.ToString(),
        };
        if (value is JContainer)
        {
            return kind;
        }

        var text = value.ToString(Formatting.None);
        return text.Length <= ShownValueLength ? $"{kind} {text}" : $"{kind} {text[..ShownValueLength]}...";
    }
}
