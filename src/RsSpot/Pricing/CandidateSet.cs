namespace RsSpot.Pricing;

/// <summary>
/// The rows <c>pricing build</c> may choose from, with their per-node metrics precomputed into arrays (the
/// planner touches them in tight loops) and the normalisation ranges of the balanced score.
/// </summary>
internal sealed class CandidateSet
{
    private CandidateSet(PricingRow[] rows)
    {
        Rows = rows;
        Hourly = new decimal[rows.Length];
        Capacity = new decimal[rows.Length];
        Value = new decimal[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            Hourly[i] = rows[i].Hourly!.Value;
            Capacity[i] = rows[i].Capacity!.Value;
            Value[i] = rows[i].Value!.Value;
        }

        CapacityRange = Range.Of(Capacity);
        ValueRange = Range.Of(Value);
        BalancedScore = new decimal[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            BalancedScore[i] = Balanced(Capacity[i], Value[i]);
        }
    }

    public PricingRow[] Rows { get; }

    public decimal[] Hourly { get; }

    public decimal[] Capacity { get; }

    public decimal[] Value { get; }

    /// <summary>0.5 · norm(capacity) + 0.5 · norm(value) per row.</summary>
    public decimal[] BalancedScore { get; }

    public int Count => Rows.Length;

    public Range CapacityRange { get; }

    public Range ValueRange { get; }

    /// <summary>
    /// Available virtual rows that match the request's classes, regions and generation and have a positive
    /// price, cpu and memory. Bare metal is never a candidate (as in the reference).
    /// </summary>
    public static CandidateSet Select(IEnumerable<PricingRow> rows, PlanRequest request, IReadOnlySet<string> classes, IReadOnlySet<string> regions)
    {
        var selected = new List<PricingRow>();
        foreach (var row in rows)
        {
            if (row.IsAvailable && row.IsVirtual
                && (request.Generation is null || row.Generation == request.Generation)
                && classes.Contains(row.ClassPrefix)
                && (regions.Count == 0 || regions.Contains(row.RegionKey))
                && row.Hourly > 0m && row.Cpu > 0m && row.MemoryGb > 0m)
            {
                selected.Add(row);
            }
        }

        return new CandidateSet([.. selected]);
    }

    /// <summary>The balanced score of a per-node (or node-averaged) capacity and value.</summary>
    public decimal Balanced(decimal capacity, decimal value) =>
        (0.5m * CapacityRange.Normalize(capacity)) + (0.5m * ValueRange.Normalize(value));

    /// <summary>Strategy key of row <paramref name="index"/>; higher is better.</summary>
    public decimal Key(PlanStrategy strategy, int index) => strategy switch
    {
        PlanStrategy.MaxPerformance => Capacity[index],
        PlanStrategy.MaxValue => Value[index],
        _ => BalancedScore[index],
    };

    /// <summary>Ranking of every strategy: key descending, then hourly price ascending, then name (ordinal).</summary>
    public int Compare(PlanStrategy strategy, int a, int b)
    {
        var byKey = Key(strategy, b).CompareTo(Key(strategy, a));
        if (byKey != 0)
        {
            return byKey;
        }

        var byPrice = Hourly[a].CompareTo(Hourly[b]);
        return byPrice != 0 ? byPrice : string.CompareOrdinal(Rows[a].Name, Rows[b].Name);
    }

    /// <summary>Min-max range used to normalise a metric to [0, 1].</summary>
    public readonly record struct Range(decimal Min, decimal Max)
    {
        public static Range Of(decimal[] values) =>
            values.Length == 0 ? new Range(0m, 0m) : new Range(values.Min(), values.Max());

        /// <summary>(x − min) / (max − min), or 1 when every candidate has the same value.</summary>
        public decimal Normalize(decimal x) => Max - Min == 0m ? 1m : (x - Min) / (Max - Min);
    }
}
