using Newtonsoft.Json;
using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Cli.Output.Pricing;

/// <summary>
/// Stable <c>-o json</c>/<c>-o yaml</c> shapes of the pricing commands: the reference's keys plus the new fields.
/// Keys come from Newtonsoft <see cref="JsonPropertyAttribute"/>s; render YAML from the JSON token tree to keep them.
/// </summary>
internal static class PricingPayloads
{
    /// <summary>The <c>pricing list</c> payload: <c>{nodes, month_hours, items}</c>.</summary>
    /// <param name="query">The query (its node count and month are echoed even when nothing matched).</param>
    /// <param name="items">The matching rows.</param>
    /// <returns>The payload.</returns>
    public static PricingListPayload ToPayload(PricingListQuery query, IEnumerable<PricingListItem> items) =>
        new(query.Nodes, query.MonthHours, [.. items.Select(ToPayload)]);

    /// <summary>The <c>pricing build</c> payload; a duplicate scenario names its original and does not repeat the pools.</summary>
    /// <param name="plan">The recommendation.</param>
    /// <returns>The payload.</returns>
    public static PlanPayload ToPayload(this PlanRecommendation plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanPayload(PlanRequestPayload.From(plan.Requested), plan.Assumptions, [.. plan.Scenarios.Select(Scenario)], plan.Warning);
    }

    /// <summary>The <c>pricing history</c> payload: the raw points, oldest first.</summary>
    /// <param name="serverClass">The server class.</param>
    /// <param name="points">The history.</param>
    /// <returns>The payload.</returns>
    public static PriceHistoryPayload ToPayload(string serverClass, IEnumerable<PricePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new PriceHistoryPayload(serverClass, [.. points.OrderBy(point => point.RunAt).Select(point => new PricePointPayload(point.RunAt.ToUnixTimeSeconds(), point.HammerPrice))]);
    }

    /// <summary>One <c>pricing list</c> row (also the <c>pricing get</c> payload).</summary>
    /// <param name="item">The priced row.</param>
    /// <returns>The payload.</returns>
    public static PricingListItemPayload ToPayload(this PricingListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Item(item);
    }

    private static PricingListItemPayload Item(PricingListItem item) => new()
    {
        ServerClassName = item.Row.Name,
        DisplayName = item.Row.Offer.DisplayName,
        Category = item.Row.Offer.Category,
        Region = item.Row.Region,
        Availability = item.Row.Offer.Availability,
        MarketPrice = item.Row.Offer.MarketPrice,
        Cpu = item.Row.Offer.Cpu,
        Memory = item.Row.Offer.Memory,
        Class = item.Row.ClassPrefix,
        Gen = item.Row.Generation,
        CpuCount = item.Row.Cpu,
        MemoryGb = item.Row.MemoryGb,
        HourlyPerNode = item.HourlyPerNode,
        MonthlyPerNode = Normalize(item.MonthlyPerNode),
        HourlyForNodes = Normalize(item.HourlyForNodes),
        MonthlyForNodes = Normalize(item.MonthlyForNodes),
        MinBidPrice = item.Row.MinBid,
        OnDemandHourly = item.Row.OnDemandHourly,
        OnDemandHourlyForNodes = Normalize(item.OnDemandHourlyForNodes),
        SavingsPercent = item.Row.SavingsPercent,
    };

    private static PlanScenarioPayload Scenario(PlanScenario scenario) => new()
    {
        Strategy = scenario.Name,
        Status = "ok",
        DuplicateOf = scenario.DuplicateOf is { } original ? PricingPlanner.NameOf(original) : null,
        Score = scenario.Score,
        TotalHourly = scenario.TotalHourly,
        TotalMonthly = scenario.TotalMonthly,
        TotalCpu = scenario.TotalCpu,
        TotalMemoryGb = scenario.TotalMemoryGb,
        TotalCapacity = scenario.TotalCapacity,
        OnDemandHourly = scenario.OnDemandHourly,
        OnDemandMonthly = scenario.OnDemandMonthly,
        SavingsPercent = scenario.SavingsPercent,
        Pools = scenario.DuplicateOf is null ? scenario.Pools : [],
    };

    private static decimal? Normalize(decimal? value) => value is { } v ? Money.Normalize(v) : null;
}

/// <summary><c>pricing list</c> payload.</summary>
/// <param name="Nodes">Node multiplier.</param>
/// <param name="MonthHours">Hours per month.</param>
/// <param name="Items">Rows in display order.</param>
internal sealed record PricingListPayload(
    [property: JsonProperty("nodes")] int Nodes,
    [property: JsonProperty("month_hours")] int MonthHours,
    [property: JsonProperty("items")] IReadOnlyList<PricingListItemPayload> Items);

/// <summary>One <c>pricing list</c> row.</summary>
internal sealed record PricingListItemPayload
{
    /// <summary>Server class name.</summary>
    [JsonProperty("server_class_name")] public required string ServerClassName { get; init; }

    /// <summary>Display name.</summary>
    [JsonProperty("display_name")] public required string DisplayName { get; init; }

    /// <summary>Category.</summary>
    [JsonProperty("category")] public required string Category { get; init; }

    /// <summary>Region.</summary>
    [JsonProperty("region")] public required string Region { get; init; }

    /// <summary>Availability as reported.</summary>
    [JsonProperty("availability")] public required string Availability { get; init; }

    /// <summary>Market price as reported (raw).</summary>
    [JsonProperty("market_price")] public required string MarketPrice { get; init; }

    /// <summary>vCPU as reported (raw).</summary>
    [JsonProperty("cpu")] public required string Cpu { get; init; }

    /// <summary>Memory as reported (raw).</summary>
    [JsonProperty("memory")] public required string Memory { get; init; }

    /// <summary>Class prefix.</summary>
    [JsonProperty("class")] public required string Class { get; init; }

    /// <summary>Generation; null for bare metal.</summary>
    [JsonProperty("gen")] public int? Gen { get; init; }

    /// <summary>Parsed vCPU count.</summary>
    [JsonProperty("cpu_count")] public decimal? CpuCount { get; init; }

    /// <summary>Parsed memory in GB.</summary>
    [JsonProperty("memory_gb")] public decimal? MemoryGb { get; init; }

    /// <summary>Market price per node and hour.</summary>
    [JsonProperty("hourly_per_node")] public decimal? HourlyPerNode { get; init; }

    /// <summary>Market price per node and month.</summary>
    [JsonProperty("monthly_per_node")] public decimal? MonthlyPerNode { get; init; }

    /// <summary>Market price of N nodes per hour.</summary>
    [JsonProperty("hourly_for_nodes")] public decimal? HourlyForNodes { get; init; }

    /// <summary>Market price of N nodes per month.</summary>
    [JsonProperty("monthly_for_nodes")] public decimal? MonthlyForNodes { get; init; }

    /// <summary>Minimum bid per node and hour.</summary>
    [JsonProperty("min_bid_price")] public decimal? MinBidPrice { get; init; }

    /// <summary>On-demand price per node and hour.</summary>
    [JsonProperty("on_demand_hourly")] public decimal? OnDemandHourly { get; init; }

    /// <summary>On-demand price of N nodes per hour.</summary>
    [JsonProperty("on_demand_hourly_for_nodes")] public decimal? OnDemandHourlyForNodes { get; init; }

    /// <summary>Spot savings against on-demand, percent.</summary>
    [JsonProperty("savings_percent")] public decimal? SavingsPercent { get; init; }
}

/// <summary><c>pricing build</c> payload.</summary>
/// <param name="Requested">Effective request.</param>
/// <param name="Assumptions">Constants.</param>
/// <param name="Scenarios">Scenarios in strategy order.</param>
/// <param name="Warning">Warning when there are no scenarios.</param>
internal sealed record PlanPayload(
    [property: JsonProperty("requested")] PlanRequestPayload Requested,
    [property: JsonProperty("assumptions")] PlanAssumptions Assumptions,
    [property: JsonProperty("scenarios")] IReadOnlyList<PlanScenarioPayload> Scenarios,
    [property: JsonProperty("warning")] string? Warning);

/// <summary>One scenario of the <c>pricing build</c> payload.</summary>
internal sealed record PlanScenarioPayload
{
    /// <summary>Strategy name.</summary>
    [JsonProperty("strategy")] public required string Strategy { get; init; }

    /// <summary>Always <c>ok</c> (kept for reference compatibility).</summary>
    [JsonProperty("status")] public required string Status { get; init; }

    /// <summary>Strategy whose pools this scenario repeats, or null.</summary>
    [JsonProperty("duplicate_of")] public string? DuplicateOf { get; init; }

    /// <summary>Strategy score.</summary>
    [JsonProperty("score")] public decimal Score { get; init; }

    /// <summary>Cluster cost per hour.</summary>
    [JsonProperty("total_hourly")] public decimal TotalHourly { get; init; }

    /// <summary>Cluster cost per month.</summary>
    [JsonProperty("total_monthly")] public decimal TotalMonthly { get; init; }

    /// <summary>Total vCPUs.</summary>
    [JsonProperty("total_cpu")] public decimal TotalCpu { get; init; }

    /// <summary>Total memory in GB.</summary>
    [JsonProperty("total_memory_gb")] public decimal TotalMemoryGb { get; init; }

    /// <summary>Total capacity units.</summary>
    [JsonProperty("total_capacity")] public decimal TotalCapacity { get; init; }

    /// <summary>On-demand equivalent per hour.</summary>
    [JsonProperty("on_demand_hourly")] public decimal? OnDemandHourly { get; init; }

    /// <summary>On-demand equivalent per month.</summary>
    [JsonProperty("on_demand_monthly")] public decimal? OnDemandMonthly { get; init; }

    /// <summary>Savings against on-demand, percent.</summary>
    [JsonProperty("savings_percent")] public decimal? SavingsPercent { get; init; }

    /// <summary>Pools (empty for a duplicate).</summary>
    [JsonProperty("pools")] public required IReadOnlyList<PlanPool> Pools { get; init; }
}

/// <summary><c>pricing history</c> payload, shaped like the feed.</summary>
/// <param name="Auction">Server class.</param>
/// <param name="History">Points, oldest first.</param>
internal sealed record PriceHistoryPayload(
    [property: JsonProperty("auction")] string Auction,
    [property: JsonProperty("history")] IReadOnlyList<PricePointPayload> History);

/// <summary>One history point.</summary>
/// <param name="RunAt">Unix seconds.</param>
/// <param name="HammerPrice">Clearing price.</param>
internal sealed record PricePointPayload(
    [property: JsonProperty("run_at")] long RunAt,
    [property: JsonProperty("hammer_price")] decimal HammerPrice);

/// <summary>The effective request as the reference echoed it (its keys, the risk as a lowercase word).</summary>
internal sealed record PlanRequestPayload
{
    /// <summary>The payload of the request as the planner interpreted it.</summary>
    /// <param name="request">The interpreted request (<see cref="PlanRecommendation.Requested"/>).</param>
    /// <returns>The payload.</returns>
    public static PlanRequestPayload From(PlanRequest request) => new()
    {
        Nodes = request.Nodes,
        Gen = request.Generation,
        Risk = request.Risk.ToString().ToLowerInvariant(),
        Balanced = request.Balanced,
        MultiRegion = request.MultiRegion,
        Regions = [.. request.Regions],
        Classes = [.. request.Classes],
        MinHour = request.MinHourly,
        MaxHour = request.MaxHourly,
        MinMonth = request.MinMonthly,
        MaxMonth = request.MaxMonthly,
    };

    /// <summary>Total nodes.</summary>
    [JsonProperty("nodes")] public required int Nodes { get; init; }

    /// <summary>Generation filter.</summary>
    [JsonProperty("gen")] public int? Gen { get; init; }

    /// <summary>Risk name (low, med, high).</summary>
    [JsonProperty("risk")] public required string Risk { get; init; }

    /// <summary>Whether balanced may spread over several pools.</summary>
    [JsonProperty("balanced")] public bool Balanced { get; init; }

    /// <summary>Whether a balanced plan may mix regions.</summary>
    [JsonProperty("multi_region")] public bool MultiRegion { get; init; }

    /// <summary>Lowercased region filter.</summary>
    [JsonProperty("regions")] public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Effective class prefixes.</summary>
    [JsonProperty("classes")] public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Lowest cluster cost per hour.</summary>
    [JsonProperty("min_hour")] public decimal? MinHour { get; init; }

    /// <summary>Highest cluster cost per hour.</summary>
    [JsonProperty("max_hour")] public decimal? MaxHour { get; init; }

    /// <summary>Lowest cluster cost per month.</summary>
    [JsonProperty("min_month")] public decimal? MinMonth { get; init; }

    /// <summary>Highest cluster cost per month.</summary>
    [JsonProperty("max_month")] public decimal? MaxMonth { get; init; }
}
