namespace RsSpot.Pricing;

/// <summary>
/// The <c>pricing build</c> optimiser: a pure function from catalogue rows and a <see cref="PlanRequest"/> to
/// one plan per strategy. It performs no I/O and is safe to call concurrently.
/// <para>
/// Candidates are available virtual servers matching the classes, regions and generation. Per node,
/// capacity = (vCPU + GB) × 1.1 for generation 2, value = capacity / hourly price, and the balanced score is
/// 0.5 · norm(capacity) + 0.5 · norm(value) over the candidates.
/// </para>
/// <para>
/// Budgets steer the choice rather than filter the result: each strategy returns its best plan among those
/// whose total hourly and monthly costs satisfy every bound. Single-pool strategies scan the feasible rows
/// once (O(n)); the multi-pool balanced plan is an exact branch and bound (see <c>BalancedSearch</c>).
/// A warning is returned only when no plan fits.
/// </para>
/// </summary>
internal static class PricingPlanner
{
    /// <summary>Warning when the filters leave no candidate.</summary>
    public const string NoCandidatesWarning = "No pricing candidates matched the provided filters.";

    private static readonly PlanStrategy[] Strategies = [PlanStrategy.MaxPerformance, PlanStrategy.MaxValue, PlanStrategy.Balanced];

    /// <summary>The printed name of a strategy (<c>max_performance</c>, <c>max_value</c>, <c>balanced</c>).</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>Its snake_case name.</returns>
    public static string NameOf(PlanStrategy strategy) => strategy switch
    {
        PlanStrategy.MaxPerformance => "max_performance",
        PlanStrategy.MaxValue => "max_value",
        _ => "balanced",
    };

    /// <summary>Most pools a balanced plan uses at a risk: low 3, med 2, high 1.</summary>
    /// <param name="risk">Accepted risk.</param>
    /// <returns>The pool target.</returns>
    public static int BalancedPoolTarget(PlanRisk risk) => risk switch
    {
        PlanRisk.Low => 3,
        PlanRisk.High => 1,
        _ => 2,
    };

    /// <summary>Builds one plan per strategy for <paramref name="request"/>.</summary>
    /// <param name="rows">Normalised catalogue rows, all regions (see <see cref="PricingRow.FromOffers"/>).</param>
    /// <param name="request">Node count, risk, filters and budget.</param>
    /// <returns>The scenarios, or a warning explaining why there are none.</returns>
    /// <exception cref="ArgumentException">The request is inconsistent (e.g. a minimum above its maximum).</exception>
    public static PlanRecommendation Build(IReadOnlyList<PricingRow> rows, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();

        var classes = TokenSet.Ordered(request.Classes.Count == 0 ? PlanRequest.DefaultClasses : request.Classes);
        var regions = TokenSet.Ordered(request.Regions);
        var candidates = CandidateSet.Select(rows, request, classes.ToHashSet(StringComparer.Ordinal), regions.ToHashSet(StringComparer.Ordinal));
        var echo = Echo(request, classes, regions);
        var assumptions = new PlanAssumptions
        {
            MonthHours = request.MonthHours,
            RiskBidMultiplier = BidAdvisor.MarketMultiplier(request.Risk),
            RiskBidPercentile = BidAdvisor.Percentile(request.Risk),
            BalancedPoolTarget = request.Balanced ? BalancedPoolTarget(request.Risk) : 1,
            BidBasis = request.Percentiles is { Count: > 0 } ? PlanAssumptions.PercentilesBidBasis : PlanAssumptions.MultiplierBidBasis,
        };
        if (candidates.Count == 0)
        {
            return new PlanRecommendation(echo, assumptions, [], NoCandidatesWarning);
        }

        var budget = BudgetBounds.From(request);
        var singlePoolFits = new bool[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            singlePoolFits[i] = budget.Allows(candidates.Hourly[i] * request.Nodes);
        }

        var scenarios = new List<PlanScenario>();
        foreach (var strategy in Strategies)
        {
            var selection = strategy == PlanStrategy.Balanced && assumptions.BalancedPoolTarget > 1
                ? BalancedSearch.Find(candidates, request.Nodes, assumptions.BalancedPoolTarget, request.MultiRegion, budget)
                : BestSinglePool(candidates, strategy, request.Nodes, singlePoolFits);
            if (selection is not null)
            {
                var scenario = ScenarioBuilder.Build(candidates, strategy, selection, request);
                scenarios.Add(scenario with { DuplicateOf = scenarios.FirstOrDefault(earlier => ScenarioBuilder.SamePools(earlier, scenario))?.Strategy });
            }
        }

        return new PlanRecommendation(echo, assumptions, scenarios, scenarios.Count == 0 ? BudgetWarning(candidates, request) : null);
    }

    // All nodes in one pool: the best-ranked row whose cluster cost fits the budget, in one pass.
    private static PoolSelection? BestSinglePool(CandidateSet candidates, PlanStrategy strategy, int nodes, bool[] fits)
    {
        var best = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (fits[i] && (best < 0 || candidates.Compare(strategy, i, best) < 0))
            {
                best = i;
            }
        }

        return best < 0 ? null : new PoolSelection([best], [nodes]);
    }

    private static string BudgetWarning(CandidateSet candidates, PlanRequest request)
    {
        var cheapest = candidates.Hourly.Min() * request.Nodes;
        return "No plan matched the provided hourly/monthly budget constraints; the cheapest candidate plan costs "
            + $"{PricingFormat.Hourly(cheapest)}/hr ({PricingFormat.Monthly(cheapest * request.MonthHours)}/mo).";
    }

    private static PlanRequest Echo(PlanRequest request, IReadOnlyList<string> classes, IReadOnlyList<string> regions) =>
        request with { Classes = classes, Regions = regions };
}
