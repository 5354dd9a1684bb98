namespace RsSpot.Cli.Output.Pricing;

/// <summary>Renders a series as a one-line terminal chart of block characters (▁▂▃▄▅▆▇█).</summary>
internal static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// Renders <paramref name="values"/> in at most <paramref name="width"/> characters. Longer series are
    /// resampled into equal buckets (bucket mean); the lowest value maps to ▁ and the highest to █; a flat
    /// series renders as ▄.
    /// </summary>
    /// <param name="values">The series, oldest first.</param>
    /// <param name="width">Maximum characters (at least 1).</param>
    /// <returns>The chart; empty for an empty series.</returns>
    public static string Render(IReadOnlyList<decimal> values, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (values.Count == 0)
        {
            return string.Empty;
        }

        var buckets = Resample(values, Math.Min(width, values.Count));
        var min = buckets.Min();
        var span = buckets.Max() - min;
        var chars = buckets.Select(value => span == 0m
            ? Blocks[Blocks.Length / 2 - 1]
            : Blocks[(int)Math.Round((value - min) / span * (Blocks.Length - 1), MidpointRounding.AwayFromZero)]);
        return string.Concat(chars);
    }

    private static decimal[] Resample(IReadOnlyList<decimal> values, int count)
    {
        var buckets = new decimal[count];
        for (var b = 0; b < count; b++)
        {
            var start = (int)((long)b * values.Count / count);
            var end = (int)((long)(b + 1) * values.Count / count);
            var sum = 0m;
            for (var i = start; i < end; i++)
            {
                sum += values[i];
            }

            buckets[b] = sum / (end - start);
        }

        return buckets;
    }
}
