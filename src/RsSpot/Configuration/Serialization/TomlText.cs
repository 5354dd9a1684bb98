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
        // Duplicate keys are errors (Tomlyn would keep the last silently); Tomlyn refuses nesting deeper than MaxDepth
        // itself; the metadata store records each key's line.
        var options = new TomlSerializerOptions { DuplicateKeyHandling = TomlDuplicateKeyHandling.Error, MaxDepth = ConfigTree.MaxDepth, MetadataStore = new TomlMetadataStore() };
        try
        {
            // Semantic validation (redefined keys and tables) runs on the syntax tree only.
            SyntaxParser.ParseStrict(text, options, sourceName: null, validate: true);
            return (JObject)ToToken(TomlSerializer.Deserialize<TomlTable>(text, options) ?? new TomlTable(), options.MetadataStore);
        }
        catch (TomlException ex)
        {
            throw ConfigDocumentException.Invalid("TOML", ex, ex.Line);
        }
    }

    public static string Write(JObject tree) => TomlSerializer.Serialize(ToToml(tree)!);

    private static JToken ToToken(object? value, ITomlMetadataStore store) => value switch
    {
        TomlTable table => new JObject(table.Select(entry => new JProperty(entry.Key, ConfigTree.WithLine(ToToken(entry.Value, store), LineOf(store, table, entry.Key))))),
        IEnumerable<object> items => new JArray(items.Select(item => ToToken(item, store))),
        int or long => new JValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        float or double => new JValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        bool or string => new JValue(value),
        _ => new JValue(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static int? LineOf(ITomlMetadataStore store, TomlTable table, string key) =>
        store.TryGetProperties(table, out var properties) && properties?.TryGetProperty(key, out var property) == true && property is not null ? property.Span.Start.Line + 1 : null;

    private static object? ToToml(JToken token) => token switch
    {
        JObject map => map.Properties().Where(p => p.Value.Type is not JTokenType.Null).Aggregate(new TomlTable(), (table, p) => { table[p.Name] = ToToml(p.Value)!; return table; }),
        JArray { Count: > 0 } list when list.All(item => item is JObject) => list.Aggregate(new TomlTableArray(), (tables, item) => { tables.Add((TomlTable)ToToml(item)!); return tables; }),
        JArray list => list.Where(item => item.Type is not JTokenType.Null).Aggregate(new TomlArray(), (array, item) => { array.Add(ToToml(item)); return array; }),
        _ => ConfigTree.ToPlain(token),
    };
}
