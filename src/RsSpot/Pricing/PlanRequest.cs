namespace RsSpot.Pricing;

/// <summary>Interruption risk the user accepts; it sets the suggested bid and the balanced pool count.</summary>
public enum PlanRisk
{
    /// <summary>Bid high (p80 or market × 1.35) and spread over up to 3 pools.</summary>
    Low,

    /// <summary>Bid around the median (p50 or market × 1.20) and spread over up to 2 pools.</summary>
    Med,

    /// <summary>Bid low (p20 or market × 1.05) and use one pool.</summary>
    High,
}

/// <summary>The three optimisation strategies, in output order.</summary>
public enum PlanStrategy
{
    /// <summary>Most capacity (vCPU + GB, gen 2 weighted ×1.1) for the node count.</summary>
    MaxPerformance,

    /// <summary>Most capacity per dollar.</summary>
    MaxValue,

    /// <summary>Best mix of normalised capacity and value; may spread over several pools.</summary>
    Balanced,
}

/// <summary>Inputs of <see cref="PricingPlanner.Build"/> (the <c>pricing build</c> options).</summary>
public sealed record PlanRequest
{
    /// <summary>Class prefixes considered when none are given.</summary>
    public static readonly IReadOnlyList<string> DefaultClasses = ["gp", "ch", "mh"];

    /// <summary>Total nodes of the cluster (at least 1).</summary>
    public required int Nodes { get; init; }

    /// <summary>Accepted interruption risk.</summary>
    public PlanRisk Risk { get; init; } = PlanRisk.Med;

    /// <summary>Let the balanced strategy spread nodes over several pools (the risk sets how many).</summary>
    public bool Balanced { get; init; }

    /// <summary>Allow a balanced plan to mix regions (several cloudspaces); by default it stays in one region.</summary>
    public bool MultiRegion { get; init; }

    /// <summary>Class prefixes to consider (repeatable or comma-separated, case-insensitive).</summary>
    public IReadOnlyCollection<string> Classes { get; init; } = DefaultClasses;

    /// <summary>Regions to consider (case-insensitive); empty considers every region.</summary>
    public IReadOnlyCollection<string> Regions { get; init; } = [];

    /// <summary>Virtual-server generation to consider; <see langword="null"/> for both.</summary>
    public int? Generation { get; init; }

    /// <summary>Lowest acceptable cluster cost per hour (inclusive).</summary>
    public decimal? MinHourly { get; init; }

    /// <summary>Highest acceptable cluster cost per hour (inclusive).</summary>
    public decimal? MaxHourly { get; init; }

    /// <summary>Lowest acceptable cluster cost per month (inclusive).</summary>
    public decimal? MinMonthly { get; init; }

    /// <summary>Highest acceptable cluster cost per month (inclusive).</summary>
    public decimal? MaxMonthly { get; init; }

    /// <summary>Hours in a billing month.</summary>
    public int MonthHours { get; init; } = SpotDefaults.MonthHours;

    /// <summary>
    /// Auction percentiles by server class name, filled by <see cref="Operations.PricingOperations.Plan"/> from the
    /// public percentiles feed. When a class has an entry the suggested bid follows the risk's percentile instead of
    /// a market multiplier.
    /// </summary>
    internal IReadOnlyDictionary<string, PricePercentiles>? Percentiles { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Nodes, 1, nameof(Nodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MonthHours, 1, nameof(MonthHours));
        CheckRange(MinHourly, MaxHourly, "hourly");
        CheckRange(MinMonthly, MaxMonthly, "monthly");
    }

    private static void CheckRange(decimal? min, decimal? max, string what)
    {
        if (min < 0m || max < 0m)
        {
            throw new ArgumentException($"The {what} budget bounds must not be negative.");
        }

        if (min > max)
        {
            throw new ArgumentException($"The minimum {what} budget ({min}) is greater than the maximum ({max}).");
        }
    }
}
