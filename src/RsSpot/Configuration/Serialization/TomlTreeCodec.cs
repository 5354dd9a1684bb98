using System.Globalization;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace RsSpot.Configuration;

/// <summary>Reads and writes the neutral tree as TOML. TOML has no null, so null values are omitted on write.</summary>
internal static class TomlTreeCodec
{
    // TOML forbids redefining a key; Tomlyn would otherwise keep the last value silently.
    private static readonly TomlSerializerOptions ReadOptions = new()
    {
        DuplicateKeyHandling = TomlDuplicateKeyHandling.Error,
        MaxDepth = ConfigTree.MaxDepth,
    };

    public static OrderedDictionary<string, object?> Read(string text)
    {
        TomlTable table;
        try
        {
            // Semantic validation (duplicate keys, redefined tables) runs on the syntax tree; the serializer skips it.
            SyntaxParser.ParseStrict(text, ReadOptions, sourceName: null, validate: true);
            table = TomlSerializer.Deserialize<TomlTable>(text, ReadOptions)
                ?? throw ConfigDocumentException.Syntax("the file is empty");
        }
        catch (TomlException ex)
        {
            throw ConfigDocumentException.Syntax($"invalid TOML: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }

        if (table.Count == 0 && string.IsNullOrWhiteSpace(text))
        {
            throw ConfigDocumentException.Syntax("the file is empty");
        }

        return ConvertTable(table, 0);
    }

    public static string Write(IDictionary<string, object?> tree) => TomlSerializer.Serialize(ToTable(tree));

    private static OrderedDictionary<string, object?> ConvertTable(TomlTable table, int depth)
    {
        var map = ConfigTree.NewMap();
        foreach (var (key, value) in table)
        {
            map[key] = Convert(value, depth + 1);
        }

        return map;
    }

    private static object? Convert(object? value, int depth)
    {
        if (depth > ConfigTree.MaxDepth)
        {
            throw ConfigDocumentException.Syntax($"the document nests deeper than {ConfigTree.MaxDepth} levels");
        }

        return value switch
        {
            TomlTable table => ConvertTable(table, depth),
            TomlTableArray tables => tables.Select(t => (object?)ConvertTable(t, depth + 1)).ToList(),
            TomlArray array => array.Select(item => Convert(item, depth + 1)).ToList(),
            int small => (long)small,
            float single => (double)single,
            long or double or bool or string or null => value,
            _ => System.Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    private static TomlTable ToTable(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var table = new TomlTable();
        foreach (var (key, value) in map)
        {
            if (value is not null)
            {
                table[key] = ToToml(value);
            }
        }

        return table;
    }

    private static object ToToml(object value) => value switch
    {
        IDictionary<string, object?> map => ToTable(map),
        IList<object?> list when list.Count > 0 && list.All(item => item is IDictionary<string, object?>) => ToTableArray(list),
        IList<object?> list => ToArray(list),
        _ => value,
    };

    private static TomlTableArray ToTableArray(IList<object?> list)
    {
        var tables = new TomlTableArray();
        foreach (var item in list.Cast<IDictionary<string, object?>>())
        {
            tables.Add(ToTable(item));
        }

        return tables;
    }

    private static TomlArray ToArray(IList<object?> list)
    {
        var array = new TomlArray();
        foreach (var item in list.Where(item => item is not null))
        {
            array.Add(ToToml(item!));
        }

        return array;
    }
}
