using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Configuration;

/// <summary>Reads and writes the neutral tree as JSON (two-space indentation, duplicate keys rejected).</summary>
internal static class JsonTreeCodec
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    public static OrderedDictionary<string, object?> Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ConfigDocumentException.Syntax("the file is empty");
        }

        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
                MaxDepth = ConfigTree.MaxDepth,
            };
            token = JToken.ReadFrom(reader, LoadSettings);
            if (reader.Read())
            {
                throw new JsonReaderException($"unexpected content after the document at line {reader.LineNumber}");
            }
        }
        catch (JsonException ex)
        {
            throw ConfigDocumentException.Syntax($"invalid JSON: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }

        var root = Convert(token);
        return root as OrderedDictionary<string, object?>
            ?? throw ConfigDocumentException.Syntax($"the document is {ConfigTree.Describe(root)}, expected a map");
    }

    public static string Write(IDictionary<string, object?> tree)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            WriteNode(writer, tree);
        }

        return text + "\n";
    }

    private static object? Convert(JToken token) => token switch
    {
        JObject obj => ConvertObject(obj),
        JArray array => array.Select(Convert).ToList(),
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Value: BigInteger big } => (double)big,
        JValue { Type: JTokenType.Integer } value => System.Convert.ToInt64(value.Value, System.Globalization.CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Float } value => System.Convert.ToDouble(value.Value, System.Globalization.CultureInfo.InvariantCulture),
        JValue { Type: JTokenType.Boolean } value => (bool)value,
        JValue value => (string?)value,
        _ => throw ConfigDocumentException.Syntax($"unsupported JSON token {token.Type}"),
    };

    private static OrderedDictionary<string, object?> ConvertObject(JObject obj)
    {
        var map = ConfigTree.NewMap();
        foreach (var property in obj.Properties())
        {
            map[property.Name] = Convert(property.Value);
        }

        return map;
    }

    private static void WriteNode(JsonWriter writer, object? node)
    {
        switch (node)
        {
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, value) in map)
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case IList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteValue(node);
                break;
        }
    }
}
