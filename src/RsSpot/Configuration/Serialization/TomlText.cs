using System.Globalization;
using Newtonsoft.Json.Linq;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Serialization;

namespace RsSpot.Configuration;

/// <summary>TOML through Tomlyn: its <see cref="TomlTable"/> model converted to and from the tree. TOML has no null, so nulls are left out.</summary>
internal static class TomlText
{
    public static JObject Read(string text)
    {
        // TOML forbids redefining a key; Tomlyn would otherwise keep the last value silently. The metadata store keeps each key's line.
        var options = new TomlSerializerOptions { DuplicateKeyHandling = TomlDuplicateKeyHandling.Error, MaxDepth = ConfigTree.MaxDepth, MetadataStore = new TomlMetadataStore() };
        try
        {
            // Semantic validation (duplicate keys, redefined tables) runs on the syntax tree; the serializer skips it.
            SyntaxParser.ParseStrict(text, options, sourceName: null, validate: true);
            var table = TomlSerializer.Deserialize<TomlTable>(text, options);
            return table is null || string.IsNullOrWhiteSpace(text)
                ? throw ConfigDocumentException.Syntax("the file is empty")
                : (JObject)ToToken(table, options.MetadataStore, 0);
        }
        catch (TomlException ex)
        {
            throw ConfigDocumentException.Syntax($"invalid TOML: {ex.Message.ReplaceLineEndings(" ")}", ex.Line, ex);
        }
    }

    public static string Write(JObject tree) => TomlSerializer.Serialize(ToToml(tree)!);

    private static JToken ToToken(object? value, ITomlMetadataStore store, int depth) => depth > ConfigTree.MaxDepth ? throw ConfigTree.TooDeep() : value switch
    {
        TomlTable table => new JObject(table.Select(entry => new JProperty(entry.Key, ConfigTree.WithLine(ToToken(entry.Value, store, depth + 1), LineOf(store, table, entry.Key))))),
        TomlTableArray tables => new JArray(tables.Select(item => ToToken(item, store, depth + 1))),
        TomlArray array => new JArray(array.Select(item => ToToken(item, store, depth + 1))),
        long or double or bool or string => new JValue(value),
        int small => new JValue((long)small),
        float single => new JValue((double)single),
        _ => new JValue(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static int? LineOf(ITomlMetadataStore store, TomlTable table, string key) =>
        store.TryGetProperties(table, out var properties) && properties is not null && properties.TryGetProperty(key, out var property) && property is not null
            ? property.Span.Start.Line + 1
            : null;

    private static object? ToToml(JToken token) => token switch
    {
        JObject map => map.Properties().Where(p => p.Value.Type is not JTokenType.Null).Aggregate(new TomlTable(), (table, p) => { table[p.Name] = ToToml(p.Value)!; return table; }),
        JArray { Count: > 0 } list when list.All(item => item is JObject) => list.Aggregate(new TomlTableArray(), (tables, item) => { tables.Add((TomlTable)ToToml(item)!); return tables; }),
        JArray list => list.Where(item => item.Type is not JTokenType.Null).Aggregate(new TomlArray(), (array, item) => { array.Add(ToToml(item)); return array; }),
        _ => ConfigTree.ToPlain(token),
    };
}
