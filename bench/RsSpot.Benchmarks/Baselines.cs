using RsSpot.Pricing;

namespace RsSpot.Benchmarks;

/// <summary>Reference workloads over the same rows, to put the planner's timings in proportion.</summary>
internal static class Baselines
{
    /// <summary>One pass that finds the row with the most capacity per dollar: the O(n) floor of any planner.</summary>
    public static string? LinearScan(IReadOnlyList<PricingRow> rows)
    {
        string? best = null;
        var bestValue = decimal.MinValue;
        foreach (var row in rows)
        {
            if (row.Value is { } value && value > bestValue)
            {
                bestValue = value;
                best = row.Name;
            }
        }

        return best;
    }

    /// <summary>Sorts the rows by hourly price: the O(n log n) work of a simple "rank and pick" planner.</summary>
    public static PricingRow[] SortByPrice(IReadOnlyList<PricingRow> rows)
    {
        var keys = new decimal[rows.Count];
        var sorted = new PricingRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            keys[i] = rows[i].Hourly ?? decimal.MaxValue;
            sorted[i] = rows[i];
        }

        Array.Sort(keys, sorted);
        return sorted;
    }
}
