using Newtonsoft.Json.Linq;

namespace RsSpot.Cli.Output;

/// <summary>How tables are laid out: the width to fit (null: any) and the palette for status columns.</summary>
internal sealed record TableStyle(int? Width, Palette Palette)
{
    public static TableStyle Plain { get; } = new(null, Palette.None);
}

/// <summary>
/// Renders JSON trees as compact tables, as kubectl and gh print them: upper-case headers, one rule under them, columns
/// two spaces apart. A list of objects becomes one row per object with the union of their (flattened) fields as
/// columns; a single object becomes aligned field/value lines. Nested objects flatten to dotted columns, lists of
/// scalars join with commas, lists of objects show their count. Too wide for the terminal, the widest columns are cut
/// with an ellipsis (<c>--wide</c> keeps them whole).
/// </summary>
internal static class TableFormatter
{
    private const int MaxDepth = 2;
    private const int Gap = 2;
    private const int MinColumn = 4;

    public static string Format(JToken value, string? title, TableStyle style)
    {
        var body = value switch
        {
            JArray { Count: > 0 } rows when rows.All(r => r is JObject) => Rows(rows.Cast<JObject>(), style),
            JArray { Count: 0 } => "(no results)",
            JArray scalars => Render(["VALUE"], scalars.Select(s => (IReadOnlyList<string>)[Cell(s)]).ToList(), style),
            JObject record => KeyValue(record, style),
            _ => Cell(value),
        };
        return title is null ? body : $"{title}\n{body}";
    }

    /// <summary>A table from ready-made headers and rows (pricing views).</summary>
    public static string Format(string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, TableStyle style)
    {
        // Ready-made headers are printed as written ("$/mo", "Median"); derived ones are upper-cased.
        var body = Render(headers, [.. rows], style);
        return title is null ? body : $"{title}\n{body}";
    }

    private static string Rows(IEnumerable<JObject> records, TableStyle style)
    {
        var flattened = records.Select(Flatten).ToList();
        var columns = flattened.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();
        return Render([.. columns.Select(c => c.Replace('_', ' ').ToUpperInvariant())], flattened.Select(r => (IReadOnlyList<string>)[.. columns.Select(c => r.GetValueOrDefault(c, ""))]).ToList(), style);
    }

    private static string KeyValue(JObject record, TableStyle style)
    {
        var cells = Flatten(record);
        var width = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Length) + Gap;
        var valueWidth = style.Width is { } total ? Math.Max(MinColumn, total - width) : int.MaxValue;
        return string.Join('\n', cells.Select(c =>
        {
            var value = Fit(c.Value, valueWidth);
            return $"{style.Palette.Dim(c.Key.PadRight(width))}{(Palette.IsStatusColumn(c.Key) ? style.Palette.Status(value) : value)}".TrimEnd();
        }));
    }

    private static string Render(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, TableStyle style)
    {
        var widths = Widths(headers, rows, style.Width);
        var lines = new List<string>
        {
            Line(headers.Select((h, i) => style.Palette.Bold(Fit(h, widths[i]).PadRight(widths[i]))).ToList()),
            Line(widths.Select(w => new string('─', w)).ToList()),
        };
        foreach (var row in rows)
        {
            lines.Add(Line(row.Select((cell, i) =>
            {
                var text = Fit(cell, widths[i]);
                var padding = new string(' ', widths[i] - text.Length);
                return (Palette.IsStatusColumn(headers[i]) ? style.Palette.Status(text) : text) + padding;
            }).ToList()));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Natural column widths, narrowed (widest first) until the row fits <paramref name="limit"/>.</summary>
    private static int[] Widths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int? limit)
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        if (limit is not { } total)
        {
            return widths;
        }

        var budget = total - (Gap * (widths.Length - 1));
        while (widths.Sum() > budget && widths.Max() > MinColumn)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            widths[widest]--;
        }

        return widths;
    }

    private static string Line(IReadOnlyList<string> cells) => string.Join(new string(' ', Gap), cells).TrimEnd();

    /// <summary>The text cut to <paramref name="width"/> characters, an ellipsis marking the cut.</summary>
    public static string Fit(string text, int width) => text.Length <= width ? text : width <= 1 ? "…" : string.Concat(text.AsSpan(0, width - 1), "…");

    private static Dictionary<string, string> Flatten(JObject record) => JsonCells.Flatten(record, MaxDepth, summarize: true);

    private static string Cell(JToken token) => JsonCells.Cell(token, summarize: true);
}
