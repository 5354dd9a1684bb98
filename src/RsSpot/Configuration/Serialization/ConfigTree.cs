using System.Globalization;

namespace RsSpot.Configuration;

/// <summary>
/// The format-neutral document every codec reads into and writes from: maps are
/// <see cref="OrderedDictionary{TKey,TValue}"/> (key order is kept), lists are <see cref="List{T}"/>, and scalars are
/// <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or null.
/// </summary>
internal static class ConfigTree
{
    /// <summary>Deepest nesting accepted; deeper documents are rejected rather than risking stack exhaustion.</summary>
    public const int MaxDepth = 64;

    public static OrderedDictionary<string, object?> NewMap() => new(StringComparer.Ordinal);

    /// <summary>A short human description of a node's kind, for error messages (never the value itself).</summary>
    public static string Describe(object? node) => node switch
    {
        null => "null",
        string => "a string",
        long => "an integer",
        double => "a number",
        bool => "a boolean",
        IDictionary<string, object?> => "a map",
        IList<object?> => "a list",
        _ => node.GetType().Name,
    };

    /// <summary>Formats a double so that it reads back as a floating-point number in every format.</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return ".inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-.inf";
        }

        if (double.IsNaN(value))
        {
            return ".nan";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>Returns a deep copy, so callers may mutate the result freely.</summary>
    public static object? DeepCopy(object? node) => node switch
    {
        IDictionary<string, object?> map => CopyMap(map),
        IList<object?> list => list.Select(DeepCopy).ToList(),
        _ => node,
    };

    /// <summary>
    /// Converts caller-built data (any dictionary, list or numeric type) to the neutral representation, so a
    /// runtime dictionary binds exactly like a parsed file.
    /// </summary>
    public static object? FromPlain(object? value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw ConfigDocumentException.Structure(string.Empty, $"the data nests deeper than {MaxDepth} levels");
        }

        switch (value)
        {
            case null or string or long or double or bool:
                return value;
            case int or short or byte or sbyte or ushort or uint:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case float or decimal or ulong:
                return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            case System.Collections.IDictionary dictionary:
                var map = NewMap();
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = FromPlain(entry.Value, depth + 1);
                }

                return map;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                var copy = NewMap();
                foreach (var (key, item) in pairs)
                {
                    copy[key] = FromPlain(item, depth + 1);
                }

                return copy;
            case System.Collections.IEnumerable items:
                return items.Cast<object?>().Select(item => FromPlain(item, depth + 1)).ToList();
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }

    public static OrderedDictionary<string, object?> CopyMap(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var copy = NewMap();
        foreach (var (key, value) in map)
        {
            copy[key] = DeepCopy(value);
        }

        return copy;
    }
}
