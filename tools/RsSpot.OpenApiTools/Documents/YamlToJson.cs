using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RsSpot.OpenApiTools.Documents;

/// <summary>
/// Converts a YAML document to a JSON tree using the YAML 1.2 core schema for plain scalars
/// (null, booleans, integers and floats); quoted scalars always stay strings.
/// </summary>
public static class YamlToJson
{
    /// <summary>Parses the first YAML document of <paramref name="text"/>.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    /// <exception cref="FormatException">The stream holds no document.</exception>
    public static JsonNode? Convert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0)
        {
            throw new FormatException("the YAML stream holds no document");
        }

        return ToJson(stream.Documents[0].RootNode);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => throw new FormatException($"unsupported YAML node at {node.Start}"),
    };

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode scalarKey
                ? scalarKey.Value ?? string.Empty
                : throw new FormatException($"only scalar mapping keys can become JSON properties ({key.Start})");
            result[name] = ToJson(value);
        }

        return result;
    }

    private static JsonValue? ToScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IsInteger(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                => JsonValue.Create(integer),
            _ when IsFloat(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }

    // Core-schema number forms only: "1_000", "0x1F" or ".inf" stay strings, like the YAML 1.2 JSON-compatible reading.
    private static bool IsInteger(string value) =>
        value.TrimStart('-', '+').Length > 0 && value.Skip(value[0] is '-' or '+' ? 1 : 0).All(char.IsAsciiDigit);

    private static bool IsFloat(string value) =>
        value.Any(char.IsAsciiDigit) && value.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or '.' or 'e' or 'E');
}
