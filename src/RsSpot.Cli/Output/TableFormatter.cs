using System.Globalization;
using ConsoleTables;
using Newtonsoft.Json.Linq;

namespace RsSpot.Cli.Output;

/// <summary>
/// Renders JSON trees as real tables: a list of objects becomes one row per object with the union of their
/// (flattened) fields as columns; a single object becomes a field/value table. Nested objects flatten to dotted
/// columns, lists of scalars join with commas, and lists of objects show their count.
/// </summary>
internal static class TableFormatter
{
    private const int MaxDepth = 2;

    public static string Format(JToken value, string? title = null)
    {
        var table = value switch
        {
            JArray { Count: > 0 } rows when rows.All(r => r is JObject) => Rows(rows.Cast<JObject>()),
            JArray { Count: 0 } => null,
            JArray scalars => Single("value", scalars.Select(Cell)),
            JObject record => KeyValue(record),
            _ => null,
        };
        var body = table?.ToString().TrimEnd() ?? (value is JArray ? "(no results)" : Cell(value));
        return title is null ? body : $"{title}\n{body}";
    }

    /// <summary>A table from ready-made headers and rows (pricing views).</summary>
    public static string Format(string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = New(headers);
        foreach (var row in rows)
        {
            table.AddRow([.. row]);
        }

        return title is null ? table.ToString().TrimEnd() : $"{title}\n{table.ToString().TrimEnd()}";
    }

    private static ConsoleTable Rows(IEnumerable<JObject> records)
    {
        var flattened = records.Select(Flatten).ToList();
        var columns = flattened.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();
        var table = New(columns);
        foreach (var row in flattened)
        {
            table.AddRow([.. columns.Select(c => row.TryGetValue(c, out var cell) ? cell : "")]);
        }

        return table;
    }

    private static ConsoleTable KeyValue(JObject record)
    {
        var table = New(["field", "value"]);
        foreach (var (key, cell) in Flatten(record))
        {
            table.AddRow(key, cell);
        }

        return table;
    }

    private static ConsoleTable Single(string header, IEnumerable<string> cells)
    {
        var table = New([header]);
        foreach (var cell in cells)
        {
            table.AddRow(cell);
        }

        return table;
    }

    private static ConsoleTable New(IReadOnlyList<string> columns)
    {
        var table = new ConsoleTable([.. columns]);
        table.Options.EnableCount = false;
        return table;
    }

    private static Dictionary<string, string> Flatten(JObject record)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(record, "", 0, cells);
        return cells;
    }

    private static void Flatten(JObject record, string prefix, int depth, Dictionary<string, string> cells)
    {
        foreach (var property in record.Properties())
        {
            var key = prefix + property.Name;
            if (property.Value is JObject nested && nested.HasValues && depth < MaxDepth)
            {
                Flatten(nested, key + ".", depth + 1, cells);
            }
            else
            {
                cells[key] = Cell(property.Value);
            }
        }
    }

    private static string Cell(JToken token) => token switch
    {
        JValue { Type: JTokenType.Null } => "",
        JValue { Value: decimal d } => d.ToString(CultureInfo.InvariantCulture),
        JValue { Value: double d } => d.ToString(CultureInfo.InvariantCulture),
        JValue { Value: bool b } => b ? "true" : "false",
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "",
        JArray array when array.All(a => a is JValue) => string.Join(", ", array.Select(Cell)),
        JArray array => $"[{array.Count} items]",
        JObject obj when !obj.HasValues => "",
        JObject obj => obj.ToString(Newtonsoft.Json.Formatting.None),
        _ => token.ToString(),
    };
}
