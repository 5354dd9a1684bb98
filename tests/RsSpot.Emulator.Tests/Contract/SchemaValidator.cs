using Newtonsoft.Json.Linq;

namespace RsSpot.Emulator.Tests.Contract;

/// <summary>
/// A small validator for the subset of JSON Schema our OpenAPI document uses: type, nullable, required,
/// properties, additionalProperties, items, enum and $ref. Returns every violation with its JSON path.
/// </summary>
internal sealed class SchemaValidator(OpenApiDocument document)
{
    public IReadOnlyList<string> Validate(JToken value, JObject schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors);
        return errors;
    }

    private void Check(JToken value, JObject schema, string path, List<string> errors)
    {
        schema = document.Resolve(schema);
        if (value.Type == JTokenType.Null)
        {
            if (schema.Value<bool?>("nullable") != true)
            {
                errors.Add($"{path}: null is not allowed");
            }

            return;
        }

        if (schema["allOf"] is JArray allOf)
        {
            foreach (var part in allOf.OfType<JObject>())
            {
                Check(value, part, path, errors);
            }
        }

        if (schema.Value<string>("type") is { } type && !HasType(value, type))
        {
            errors.Add($"{path}: expected {type}, got {value.Type}");
            return;
        }

        if (schema["enum"] is JArray allowed && !allowed.Any(a => JToken.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value} is not one of {allowed.ToString(Newtonsoft.Json.Formatting.None)}");
        }

        if (value is JObject obj)
        {
            CheckObject(obj, schema, path, errors);
        }
        else if (value is JArray array && schema["items"] is JObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors);
            }
        }
    }

    private void CheckObject(JObject obj, JObject schema, string path, List<string> errors)
    {
        foreach (var required in schema["required"]?.Values<string>() ?? [])
        {
            if (obj[required!] is null)
            {
                errors.Add($"{path}: missing required property '{required}'");
            }
        }

        var properties = schema["properties"] as JObject;
        foreach (var property in obj.Properties())
        {
            if (properties?[property.Name] is JObject propertySchema)
            {
                Check(property.Value, propertySchema, $"{path}.{property.Name}", errors);
            }
            else if (schema["additionalProperties"] is JObject additional)
            {
                Check(property.Value, additional, $"{path}.{property.Name}", errors);
            }
            else if (schema["additionalProperties"]?.Type == JTokenType.Boolean && !schema.Value<bool>("additionalProperties"))
            {
                errors.Add($"{path}: unexpected property '{property.Name}'");
            }
        }
    }

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
}
