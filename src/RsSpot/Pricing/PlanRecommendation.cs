using Newtonsoft.Json;

namespace RsSpot.Pricing;

/// <summary>The result of <see cref="PricingPlanner.Build"/>: one scenario per strategy that found a plan.</summary>
/// <param name="Requested">The request as interpreted: its regions and classes lowercased, de-duplicated and defaulted.</param>
/// <param name="Assumptions">Constants the scores and bids were computed with.</param>
/// <param name="Scenarios">Plans in strategy order (max_performance, max_value, balanced).</param>
/// <param name="Warning">Why no plan was produced; <see langword="null"/> when there are scenarios.</param>
public sealed record PlanRecommendation(
    PlanRequest Requested,
    PlanAssumptions Assumptions,
    IReadOnlyList<PlanScenario> Scenarios,
    string? Warning);

/// <summary>Constants behind the scores and bids.</summary>
public sealed record PlanAssumptions
{
    /// <summary><see cref="BidBasis"/> when bids follow the risk's auction percentile.</summary>
    public const string PercentilesBidBasis = "percentiles";

    /// <summary><see cref="BidBasis"/> when bids are the market price times the risk multiplier.</summary>
    public const string MultiplierBidBasis = "market_multiplier";

    /// <summary>Hours in a billing month.</summary>
    [JsonProperty("month_hours")] public required int MonthHours { get; init; }

    /// <summary>Capacity weight of a vCPU.</summary>
    [JsonProperty("cpu_weight")] public decimal CpuWeight { get; init; } = PricingRow.CpuWeight;

    /// <summary>Capacity weight of a GB of memory.</summary>
    [JsonProperty("memory_weight")] public decimal MemoryWeight { get; init; } = PricingRow.MemoryWeight;

    /// <summary>Capacity bonus of generation 2.</summary>
    [JsonProperty("gen2_multiplier")] public decimal Gen2Multiplier { get; init; } = PricingRow.Gen2Multiplier;

    /// <summary>Market multiplier used for bids when no percentiles are known for a class.</summary>
    [JsonProperty("risk_bid_multiplier")] public required decimal RiskBidMultiplier { get; init; }

    /// <summary>Percentile used for bids when the percentiles feed knows the class (20, 50 or 80).</summary>
    [JsonProperty("risk_bid_percentile")] public required int RiskBidPercentile { get; init; }

    /// <summary>Most pools a balanced plan may use at this risk.</summary>
    [JsonProperty("balanced_pool_target")] public required int BalancedPoolTarget { get; init; }

    /// <summary>
    /// What the suggested bids follow: <see cref="PercentilesBidBasis"/> when auction percentiles were supplied
    /// (classes the feed does not know still use the multiplier), otherwise <see cref="MultiplierBidBasis"/>.
    /// </summary>
    [JsonProperty("bid_basis")] public string BidBasis { get; init; } = MultiplierBidBasis;

    /// <summary>Why the bids use another basis than asked for (e.g. the percentiles feed failed); null when as asked.</summary>
    [JsonProperty("bid_basis_note")] public string? BidBasisNote { get; init; }
}

/// <summary>One strategy's plan.</summary>
public sealed record PlanScenario
{
    /// <summary>The strategy.</summary>
    public required PlanStrategy Strategy { get; init; }

    /// <summary>Strategy name as printed (<c>max_performance</c>, <c>max_value</c>, <c>balanced</c>).</summary>
    public string Name => PricingPlanner.NameOf(Strategy);

    /// <summary>Strategy score: total capacity, capacity per dollar, or the balanced score in [0, 1].</summary>
    public required decimal Score { get; init; }

    /// <summary>Node pools to create.</summary>
    public required IReadOnlyList<PlanPool> Pools { get; init; }

    /// <summary>Cluster cost per hour at market prices.</summary>
    public required decimal TotalHourly { get; init; }

    /// <summary>Cluster cost per month at market prices.</summary>
    public required decimal TotalMonthly { get; init; }

    /// <summary>Total vCPUs.</summary>
    public required decimal TotalCpu { get; init; }

    /// <summary>Total memory in GB.</summary>
    public required decimal TotalMemoryGb { get; init; }

    /// <summary>Total capacity units.</summary>
    public required decimal TotalCapacity { get; init; }

    /// <summary>Cost of the same nodes on demand per hour; <see langword="null"/> if a class has no on-demand price.</summary>
    public decimal? OnDemandHourly { get; init; }

    /// <summary>Cost of the same nodes on demand per month.</summary>
    public decimal? OnDemandMonthly { get; init; }

    /// <summary>Savings of the plan against on-demand, in percent.</summary>
    public decimal? SavingsPercent { get; init; }

    /// <summary>An earlier strategy that produced exactly the same pools, or <see langword="null"/>.</summary>
    public PlanStrategy? DuplicateOf { get; init; }
}

/// <summary>One node pool of a plan: everything needed to create it in a cloudspace of <see cref="Region"/>.</summary>
public sealed record PlanPool
{
    /// <summary>Server class to request.</summary>
    [JsonProperty("server_class_name")] public required string ServerClassName { get; init; }

    /// <summary>Class prefix (gp, ch, mh, ...).</summary>
    [JsonProperty("class_prefix")] public required string ClassPrefix { get; init; }

    /// <summary>Region of the server class (the cloudspace must be in it).</summary>
    [JsonProperty("region")] public required string Region { get; init; }

    /// <summary>Virtual-server generation.</summary>
    [JsonProperty("generation")] public required int Generation { get; init; }

    /// <summary>Nodes in this pool.</summary>
    [JsonProperty("nodes")] public required int Nodes { get; init; }

    /// <summary>vCPUs per node.</summary>
    [JsonProperty("cpu_per_node")] public required decimal CpuPerNode { get; init; }

    /// <summary>Memory per node in GB.</summary>
    [JsonProperty("memory_gb_per_node")] public required decimal MemoryGbPerNode { get; init; }

    /// <summary>Market price per node and hour.</summary>
    [JsonProperty("hourly_per_node")] public required decimal HourlyPerNode { get; init; }

    /// <summary>Market price per node and month.</summary>
    [JsonProperty("monthly_per_node")] public required decimal MonthlyPerNode { get; init; }

    /// <summary>Market price of the pool per hour.</summary>
    [JsonProperty("hourly_total")] public required decimal HourlyTotal { get; init; }

    /// <summary>Market price of the pool per month.</summary>
    [JsonProperty("monthly_total")] public required decimal MonthlyTotal { get; init; }

    /// <summary>Suggested bid per node and hour: at least the min bid and the market price, rounded up to 3 places.</summary>
    [JsonProperty("suggested_bid_per_node")] public required decimal SuggestedBid { get; init; }

    /// <summary>The suggested bid as the API expects it: a bare decimal with 3 places (e.g. <c>0.034</c>).</summary>
    [JsonProperty("suggested_bid")] public required string SuggestedBidText { get; init; }

    /// <summary>On-demand price per node and hour, when known.</summary>
    [JsonProperty("on_demand_hourly_per_node")] public decimal? OnDemandHourlyPerNode { get; init; }

    /// <summary>Capacity units per node.</summary>
    [JsonProperty("capacity_per_node")] public required decimal CapacityPerNode { get; init; }

    /// <summary>Capacity per dollar and hour.</summary>
    [JsonProperty("value_per_node")] public required decimal ValuePerNode { get; init; }
}
