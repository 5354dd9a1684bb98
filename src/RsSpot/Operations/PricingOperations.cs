using System.Net;
using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Operations;

/// <summary>Current prices and the public price feeds (async surface).</summary>
public interface IAsyncPricingOperations
{
    /// <summary>Available server classes with their prices, optionally of one region.</summary>
    /// <param name="region">Region filter (case-insensitive); null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ServerClass>> ListAsync(string? region = null, CancellationToken cancellationToken = default);

    /// <summary>Prices of one server class.</summary>
    /// <param name="serverClass">Class name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ServerClass> GetAsync(string serverClass, CancellationToken cancellationToken = default);

    /// <summary>Hammer-price history of one class from the public feed, oldest auction first.</summary>
    /// <param name="serverClass">Class name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">The feed has no history for the class.</exception>
    Task<IReadOnlyList<PricePoint>> GetHistoryAsync(string serverClass, CancellationToken cancellationToken = default);

    /// <summary>30-day price percentiles of every class from the public feed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ClassPercentiles>> GetPercentilesAsync(CancellationToken cancellationToken = default);

    /// <summary>Hyperscaler comparisons of every class from the public feed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ClassComparison>> GetComparablePricesAsync(CancellationToken cancellationToken = default);

    /// <summary>The <c>pricing list</c> explorer: the catalogue filtered, sorted and priced for N nodes.</summary>
    /// <param name="query">Filters, node count and order; unavailable classes are fetched only when it includes them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The query is inconsistent (e.g. min cpu above max cpu).</exception>
    Task<IReadOnlyList<PricingListItem>> QueryAsync(PricingListQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <c>pricing build</c> planner over every available class: one plan per strategy. With
    /// <paramref name="usePercentiles"/> the bids follow the public percentiles feed; if the feed fails the plan
    /// still succeeds with market multipliers, and <see cref="PlanAssumptions.BidBasisNote"/> says why.
    /// </summary>
    /// <param name="request">Node count, risk, filters and budget.</param>
    /// <param name="usePercentiles">Fetch auction percentiles for the bids (ignored when the request carries its own).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is inconsistent (e.g. a minimum above its maximum).</exception>
    Task<PlanRecommendation> PlanAsync(PlanRequest request, bool usePercentiles = true, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates one spot pool per pool of <paramref name="scenario"/> in <paramref name="cloudSpace"/>: desired = the
    /// pool's nodes, bid = its suggested bid, labelled with <see cref="PricingOperations.PlanStrategyLabel"/>. Every bid
    /// is checked by <see cref="BidGuard"/> before the first pool is created. Pools are created in order; if one fails,
    /// those created before it remain.
    /// </summary>
    /// <param name="scenario">The plan to deploy (one region).</param>
    /// <param name="cloudSpace">Cloudspace that receives the pools; it must be in the plan's region.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="allowHighBids">Accept bids above the on-demand price or the market limit of <see cref="BidGuard"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created pools, in plan order.</returns>
    /// <exception cref="SpotValidationException">The plan has no pools, spans several regions, a bid is refused, or the cloudspace is in another region.</exception>
    /// <exception cref="SpotNotFoundException">The cloudspace does not exist.</exception>
    Task<IReadOnlyList<SpotNodePool>> ApplyPlanAsync(PlanScenario scenario, string cloudSpace, string? org = null, bool allowHighBids = false, CancellationToken cancellationToken = default);
}

/// <summary>Current prices and the public price feeds.</summary>
public class PricingOperations : IAsyncPricingOperations
{
    /// <summary>Label put on every pool created by <see cref="ApplyPlan"/>; its value is the strategy name.</summary>
    public const string PlanStrategyLabel = "rsspot.io/plan-strategy";

    private readonly SpotClientCore _core = null!;
    private readonly ServerClassesOperations _serverClasses = null!;
    private readonly CloudSpacesOperations _cloudSpaces = null!;
    private readonly SpotNodePoolsOperations _spotNodePools = null!;

    /// <summary>For mocking only.</summary>
    protected PricingOperations()
    {
    }

    internal PricingOperations(SpotClientCore core, ServerClassesOperations serverClasses, CloudSpacesOperations cloudSpaces, SpotNodePoolsOperations spotNodePools)
    {
        _core = core;
        _serverClasses = serverClasses;
        _cloudSpaces = cloudSpaces;
        _spotNodePools = spotNodePools;
    }

    /// <summary>Available server classes with their prices, optionally of one region.</summary>
    /// <param name="region">Region filter (case-insensitive); null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("ServerClasses_List")]
    public virtual IReadOnlyList<ServerClass> List(string? region = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ListAsync(region, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("ServerClasses_List")]
    public virtual Task<IReadOnlyList<ServerClass>> ListAsync(string? region = null, CancellationToken cancellationToken = default) =>
        _serverClasses.ListAsync(region, onlyAvailable: true, cancellationToken);

    /// <summary>Prices of one server class.</summary>
    /// <param name="serverClass">Class name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("ServerClasses_Get")]
    public virtual ServerClass Get(string serverClass, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => GetAsync(serverClass, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("ServerClasses_Get")]
    public virtual Task<ServerClass> GetAsync(string serverClass, CancellationToken cancellationToken = default) =>
        _serverClasses.GetAsync(serverClass, cancellationToken);

    /// <summary>Hammer-price history of one class from the public feed, oldest auction first.</summary>
    /// <param name="serverClass">Class name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">The feed has no history for the class.</exception>
    [SpotOperation("PriceFeeds_GetHistory")]
    public virtual IReadOnlyList<PricePoint> GetHistory(string serverClass, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => GetHistoryAsync(serverClass, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("PriceFeeds_GetHistory")]
    public virtual async Task<IReadOnlyList<PricePoint>> GetHistoryAsync(string serverClass, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverClass);
        try
        {
            return await _core.CallAsync(async ct => (await _core.PriceFeeds.GetHistoryAsync(serverClass, ct).ConfigureAwait(false)).ToModel(), cancellationToken).ConfigureAwait(false);
        }
        catch (SpotException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // The feed is a storage bucket: an unknown key answers 400/403/404 depending on the bucket's policy.
            throw new SpotNotFoundException($"no price history for server class '{serverClass}'");
        }
    }

    /// <summary>30-day price percentiles of every class from the public feed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("PriceFeeds_GetPercentiles")]
    public virtual IReadOnlyList<ClassPercentiles> GetPercentiles(CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(GetPercentilesAsync, cancellationToken);

    /// <inheritdoc />
    [SpotOperation("PriceFeeds_GetPercentiles")]
    public virtual Task<IReadOnlyList<ClassPercentiles>> GetPercentilesAsync(CancellationToken cancellationToken = default) =>
        _core.CallAsync(async ct => (await _core.PriceFeeds.GetPercentilesAsync(ct).ConfigureAwait(false)).ToModel(), cancellationToken);

    /// <summary>Hyperscaler comparisons of every class from the public feed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("PriceFeeds_GetComparablePrices")]
    public virtual IReadOnlyList<ClassComparison> GetComparablePrices(CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(GetComparablePricesAsync, cancellationToken);

    /// <inheritdoc />
    [SpotOperation("PriceFeeds_GetComparablePrices")]
    public virtual Task<IReadOnlyList<ClassComparison>> GetComparablePricesAsync(CancellationToken cancellationToken = default) =>
        _core.CallAsync(async ct => (await _core.PriceFeeds.GetComparablePricesAsync(ct).ConfigureAwait(false)).ToModel(), cancellationToken);

    /// <summary>The <c>pricing list</c> explorer: the catalogue filtered, sorted and priced for N nodes.</summary>
    /// <param name="query">Filters, node count and order; unavailable classes are fetched only when it includes them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The query is inconsistent (e.g. min cpu above max cpu).</exception>
    [SpotOperation("ServerClasses_List")]
    public virtual IReadOnlyList<PricingListItem> Query(PricingListQuery query, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => QueryAsync(query, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("ServerClasses_List")]
    public virtual async Task<IReadOnlyList<PricingListItem>> QueryAsync(PricingListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var classes = await _serverClasses.ListAsync(region: null, onlyAvailable: !query.IncludeUnavailable, cancellationToken).ConfigureAwait(false);
        return PricingList.Query(ToRows(classes), query);
    }

    /// <summary>
    /// The <c>pricing build</c> planner over every available class: one plan per strategy. With
    /// <paramref name="usePercentiles"/> the bids follow the public percentiles feed; if the feed fails the plan
    /// still succeeds with market multipliers, and <see cref="PlanAssumptions.BidBasisNote"/> says why.
    /// </summary>
    /// <param name="request">Node count, risk, filters and budget.</param>
    /// <param name="usePercentiles">Fetch auction percentiles for the bids (ignored when the request carries its own).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is inconsistent (e.g. a minimum above its maximum).</exception>
    [SpotOperation("ServerClasses_List")]
    [SpotOperation("PriceFeeds_GetPercentiles")]
    public virtual PlanRecommendation Plan(PlanRequest request, bool usePercentiles = true, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => PlanAsync(request, usePercentiles, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("ServerClasses_List")]
    [SpotOperation("PriceFeeds_GetPercentiles")]
    public virtual async Task<PlanRecommendation> PlanAsync(PlanRequest request, bool usePercentiles = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var classes = await _serverClasses.ListAsync(region: null, onlyAvailable: true, cancellationToken).ConfigureAwait(false);
        string? note = null;
        if (usePercentiles && request.Percentiles is null)
        {
            try
            {
                request = request with { Percentiles = ToPercentiles(await GetPercentilesAsync(cancellationToken).ConfigureAwait(false)) };
            }
            catch (SpotException e)
            {
                // The feed is a public convenience beside the API; a plan without it is still a good plan.
                note = $"percentiles feed unavailable ({e.Message}); bids use the market price times the risk multiplier";
            }
        }

        var plan = PricingPlanner.Build(ToRows(classes), request);
        return note is null ? plan : plan with { Assumptions = plan.Assumptions with { BidBasisNote = note } };
    }

    /// <summary>
    /// Creates one spot pool per pool of <paramref name="scenario"/> in <paramref name="cloudSpace"/>: desired = the
    /// pool's nodes, bid = its suggested bid, labelled with <see cref="PlanStrategyLabel"/>. Every bid is checked by
    /// <see cref="BidGuard"/> before the first pool is created. Pools are created in order; if one fails, those
    /// created before it remain.
    /// </summary>
    /// <param name="scenario">The plan to deploy (one region).</param>
    /// <param name="cloudSpace">Cloudspace that receives the pools; it must be in the plan's region.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="allowHighBids">Accept bids above the on-demand price or the market limit of <see cref="BidGuard"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created pools, in plan order.</returns>
    /// <exception cref="SpotValidationException">The plan has no pools, spans several regions, or the cloudspace is in another region.</exception>
    /// <exception cref="SpotNotFoundException">The cloudspace does not exist.</exception>
    [SpotOperation("CloudSpaces_Get")]
    [SpotOperation("ServerClasses_Get")]
    [SpotOperation("SpotNodePools_Create")]
    public virtual IReadOnlyList<SpotNodePool> ApplyPlan(PlanScenario scenario, string cloudSpace, string? org = null, bool allowHighBids = false, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ApplyPlanAsync(scenario, cloudSpace, org, allowHighBids, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("CloudSpaces_Get")]
    [SpotOperation("ServerClasses_Get")]
    [SpotOperation("SpotNodePools_Create")]
    public virtual async Task<IReadOnlyList<SpotNodePool>> ApplyPlanAsync(PlanScenario scenario, string cloudSpace, string? org = null, bool allowHighBids = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrWhiteSpace(cloudSpace);
        _core.RefuseWhenReadOnly($"applying the {scenario.Name} plan to cloudspace '{cloudSpace}'");
        var region = PlanRegion(scenario);
        var target = await _cloudSpaces.GetAsync(cloudSpace, org, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(target.Region, region, StringComparison.OrdinalIgnoreCase))
        {
            throw new SpotValidationException($"cloudspace {cloudSpace} is in region {target.Region ?? "(unknown)"} but the {scenario.Name} plan's pools are in {region}");
        }

        // Every bid passes the guard before the first pool exists, so a refused plan creates nothing.
        foreach (var pool in scenario.Pools)
        {
            var check = await _spotNodePools.CheckBidAsync(pool.ServerClassName, pool.SuggestedBidText, allowHighBids, cancellationToken).ConfigureAwait(false);
            if (check.IsRefused)
            {
                throw new SpotValidationException($"the {scenario.Name} plan cannot be applied: {check.Message}");
            }
        }

        var created = new List<SpotNodePool>(scenario.Pools.Count);
        foreach (var pool in scenario.Pools)
        {
            created.Add(await _spotNodePools.CreateAsync(
                new CreateSpotNodePoolRequest
                {
                    CloudSpace = cloudSpace,
                    ServerClass = pool.ServerClassName,
                    Desired = pool.Nodes,
                    BidPrice = pool.SuggestedBidText,
                    AllowHighBid = allowHighBids,
                    CustomLabels = new Dictionary<string, string>(StringComparer.Ordinal) { [PlanStrategyLabel] = scenario.Name },
                },
                org,
                cancellationToken).ConfigureAwait(false));
        }

        return created;
    }

    // A cloudspace lives in one region, so a deployable plan must too.
    private static string PlanRegion(PlanScenario scenario)
    {
        var regions = scenario.Pools.Select(pool => pool.Region).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return regions switch
        {
            [] => throw new SpotValidationException($"the {scenario.Name} plan has no pools to create"),
            [var only] => only,
            _ => throw new SpotValidationException(
                $"the {scenario.Name} plan spans regions {string.Join(", ", regions)}; a cloudspace lives in one region, so plan one region at a time"),
        };
    }

    private static IReadOnlyList<PricingRow> ToRows(IEnumerable<ServerClass> classes) => PricingRow.FromOffers(classes.Select(ServerClassOffer.From));

    // Only classes with all three percentiles can steer a bid; the others keep the market multiplier.
    private static Dictionary<string, PricePercentiles> ToPercentiles(IEnumerable<ClassPercentiles> feed) =>
        feed.Where(c => c is { P20: not null, P50: not null, P80: not null })
            .DistinctBy(c => c.ServerClass, StringComparer.Ordinal)
            .ToDictionary(c => c.ServerClass, c => new PricePercentiles(c.P20!.Value, c.P50!.Value, c.P80!.Value), StringComparer.Ordinal);
}
