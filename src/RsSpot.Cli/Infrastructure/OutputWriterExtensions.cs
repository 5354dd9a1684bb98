using RsSpot.Cli.Output;

namespace RsSpot.Cli.Infrastructure;

/// <summary>Output helpers shared by the resource commands.</summary>
internal static class OutputWriterExtensions
{
    /// <summary>
    /// Writes a list: json, yaml and jsonl get the full models; a table gets one compact row per item (from
    /// <paramref name="tableRow"/>), because flattening every nested field makes tables unreadably wide.
    /// </summary>
    public static void WriteList<T>(this OutputWriter output, IReadOnlyList<T> items, Func<T, object> tableRow, string? title = null) =>
        output.Write(output.FormatFor(OutputFormat.Json) == OutputFormat.Table ? items.Select(tableRow).ToList() : items, OutputFormat.Json, title);
}
