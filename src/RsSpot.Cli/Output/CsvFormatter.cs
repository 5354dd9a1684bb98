using Newtonsoft.Json.Linq;

namespace RsSpot.Cli.Output;

/// <summary>
/// Writes JSON trees as CSV (RFC 4180) for spreadsheets and finance tools: a header of the union of the (flattened,
/// dotted) fields, then one row per object of a list (a single object is one row). Fields holding a comma, a quote
/// or a line break are quoted; text that a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>) is prefixed with <c>'</c>, numbers never are. Nothing is truncated or coloured.
/// </summary>
internal static class CsvFormatter
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Format(JToken value)
    {
        IEnumerable<JToken> items = value is JArray array ? array : [value];
        var rows = items.Select(item => JsonCells.Leaves(item as JObject ?? new JObject { ["value"] = item }, int.MaxValue)
            .ToDictionary(leaf => leaf.Key, leaf => Field(leaf.Value), StringComparer.Ordinal)).ToList();
        var columns = rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (columns.Count == 0)
        {
            return "";
        }

        var lines = rows.Select(r => string.Join(',', columns.Select(c => r.GetValueOrDefault(c, ""))));
        return string.Join('\n', lines.Prepend(string.Join(',', columns.Select(c => Quote(c)))));
    }

    /// <summary>One field: quoted when needed; a string that starts like a formula made inert.</summary>
    private static string Field(JToken value)
    {
        var text = JsonCells.Cell(value, summarize: false);
        return Quote(value.Type == JTokenType.String && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text);
    }

    private static string Quote(string text) =>
        text.IndexOfAny(NeedsQuotes) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
