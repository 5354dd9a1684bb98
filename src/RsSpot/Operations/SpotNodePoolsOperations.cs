using Microsoft.Extensions.Logging;
using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Internal.Waiting;
using RsSpot.Models;
using RsSpot.Pricing;
using Wire = RsSpot.Api;

namespace RsSpot.Operations;

/// <summary>Spot node pools: auction-priced servers of a cloudspace (async surface).</summary>
public interface IAsyncSpotNodePoolsOperations
{
    /// <summary>Lists spot pools, optionally of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace filter; null for all.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<SpotNodePool>> ListAsync(string? cloudSpace = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one spot pool.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<SpotNodePool> GetAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a spot pool after checking the bid with <see cref="BidGuard"/> (a bid below the market price is logged as a warning).</summary>
    /// <param name="request">What to create; the name is generated when absent.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotValidationException">The bid is refused, or another field is invalid.</exception>
    Task<SpotNodePool> CreateAsync(CreateSpotNodePoolRequest request, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Changes only the fields set in <paramref name="request"/>; with <paramref name="ifResourceVersion"/> the update is conditional.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="request">Fields to change.</param>
    /// <param name="ifResourceVersion">Expected current resourceVersion, or null for an unconditional update.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<SpotNodePool> UpdateAsync(string name, UpdateSpotNodePoolRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes one spot pool.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes every spot pool of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace whose pools go.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteAllAsync(string cloudSpace, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a bid against the class's prices with the rules of <see cref="BidGuard"/> (minimum bid, market price,
    /// on-demand price); sends nothing else. The verdict is an answer, not an exception.
    /// </summary>
    /// <param name="serverClass">Server class the bid is for.</param>
    /// <param name="bid">The bid.</param>
    /// <param name="allowHighBid">Accept a bid above the on-demand price or the market limit (it is then only a warning).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotValidationException">The bid is not a valid bid at all.</exception>
    Task<BidAssessment> CheckBidAsync(string serverClass, string bid, bool allowHighBid = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls a spot pool until it has won <paramref name="minWon"/> servers (default: its desired count), its bid
    /// status blocks it (Lost, SpeedBump Hit, SubscriptionSuspended, Error), it is deleted, or the timeout passes.
    /// Every ending is a result; only failures to ask and cancellation throw.
    /// </summary>
    /// <param name="name">Pool name.</param>
    /// <param name="minWon">Servers that count as fulfilled; null for the pool's desired count.</param>
    /// <param name="timeout">Longest wait (default 30 minutes).</param>
    /// <param name="progress">Receives every observed state.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<WaitResult<SpotNodePool>> WaitAsync(string name, int? minWon = null, TimeSpan? timeout = null, IProgress<SpotNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a spot pool safely: creates a new pool in <paramref name="serverClass"/> with the old one's settings
    /// (bid, size, labels, annotations, taints, autoscaling) except those set in <paramref name="changes"/>, waits until it has won its servers, then deletes the old pool. When the wait does not
    /// succeed the new pool is deleted and the old one left untouched (the result says so); on cancellation the same
    /// happens and <see cref="SpotReplaceCancelledException"/> is thrown.
    /// </summary>
    /// <param name="name">The pool to replace.</param>
    /// <param name="serverClass">Server class of the new pool (may be the old pool's).</param>
    /// <param name="changes">Settings of the new pool that differ from the old one's (bid, size, ...); null for none.</param>
    /// <param name="waitTimeout">Longest wait for the new pool (default 30 minutes); past it the new pool is deleted.</param>
    /// <param name="progress">Receives every observed state of the new pool.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the replacement (the new pool is then deleted).</param>
    /// <exception cref="SpotValidationException">The bid is refused by <see cref="BidGuard"/>; nothing was created.</exception>
    Task<PoolReplacement<SpotNodePool>> ReplaceAsync(string name, string serverClass, UpdateSpotNodePoolRequest? changes = null, TimeSpan? waitTimeout = null, IProgress<SpotNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default);
}

/// <summary>Spot node pools: auction-priced servers of a cloudspace.</summary>
public class SpotNodePoolsOperations : IAsyncSpotNodePoolsOperations
{
    private readonly SpotClientCore _core = null!;
    private readonly NodePoolService<Wire.SpotNodePool, Wire.SpotNodePoolPatch, SpotNodePool> _pools = null!;

    /// <summary>For mocking only.</summary>
    protected SpotNodePoolsOperations()
    {
    }

    internal SpotNodePoolsOperations(SpotClientCore core)
    {
        _core = core;
        _pools = new(core, new SpotPoolWire(core.SpotNodePools), p => p.ToModel(), "spot pool", nameof(SpotNodePoolsOperations));
    }

    /// <summary>Lists spot pools, optionally of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace filter; null for all.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("SpotNodePools_List")]
    public virtual IReadOnlyList<SpotNodePool> List(string? cloudSpace = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ListAsync(cloudSpace, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_List")]
    public virtual Task<IReadOnlyList<SpotNodePool>> ListAsync(string? cloudSpace = null, string? org = null, CancellationToken cancellationToken = default) =>
        _pools.ListAsync(cloudSpace, org, cancellationToken);

    /// <summary>Gets one spot pool.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("SpotNodePools_Get")]
    public virtual SpotNodePool Get(string name, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => GetAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_Get")]
    public virtual Task<SpotNodePool> GetAsync(string name, string? org = null, CancellationToken cancellationToken = default) => _pools.GetAsync(name, org, cancellationToken);

    /// <summary>Creates a spot pool after checking the bid with <see cref="BidGuard"/> (a bid below the market price is logged as a warning).</summary>
    /// <param name="request">What to create; the name is generated when absent.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotValidationException">The bid is refused, or another field is invalid.</exception>
    [SpotOperation("SpotNodePools_Create")]
    public virtual SpotNodePool Create(CreateSpotNodePoolRequest request, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => CreateAsync(request, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_Create")]
    public virtual async Task<SpotNodePool> CreateAsync(CreateSpotNodePoolRequest request, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _core.RefuseWhenReadOnly($"creating a spot pool in cloudspace '{request.CloudSpace}'");
        NodePoolRules.Validate(request);
        var name = NodePoolRules.ValidateName(request.Name);
        var bid = await EnforceBidAsync(request.ServerClass, request.BidPrice, request.AllowHighBid, cancellationToken).ConfigureAwait(false);
        return await _pools.CreateAsync(name, (poolName, ns) => new Wire.SpotNodePool
        {
            ApiVersion = ResourceMapping.ApiVersion,
            Kind = "SpotNodePool",
            Metadata = NodePoolService<Wire.SpotNodePool, Wire.SpotNodePoolPatch, SpotNodePool>.NewMetadata(poolName, ns, request.CloudSpace),
            Spec = new Wire.SpotNodePoolSpec
            {
                ServerClass = request.ServerClass,
                CloudSpace = request.CloudSpace,
                Desired = request.Desired,
                BidPrice = bid,
                Autoscaling = request.Autoscaling.ToWire() ?? new Wire.Autoscaling { Enabled = false },
                CustomLabels = request.CustomLabels.ToWire() ?? new Dictionary<string, string>(),
                CustomAnnotations = request.CustomAnnotations.ToWire() ?? new Dictionary<string, string>(),
                CustomTaints = request.CustomTaints.ToWire() ?? [],
            },
        }, org, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes only the fields set in <paramref name="request"/>; with <paramref name="ifResourceVersion"/> the update is conditional.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="request">Fields to change.</param>
    /// <param name="ifResourceVersion">Expected current resourceVersion, or null for an unconditional update.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("SpotNodePools_Patch")]
    [SpotOperation("SpotNodePools_Replace")]
    public virtual SpotNodePool Update(string name, UpdateSpotNodePoolRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => UpdateAsync(name, request, ifResourceVersion, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_Patch")]
    [SpotOperation("SpotNodePools_Replace")]
    public virtual async Task<SpotNodePool> UpdateAsync(string name, UpdateSpotNodePoolRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default)
    {
        _core.RefuseWhenReadOnly($"updating spot pool '{name}'");
        NodePoolRules.Validate(request);
        string? bid = null;
        if (request.BidPrice is not null)
        {
            // The class is only known from the pool itself, so a bid change costs one extra read.
            var pool = await GetAsync(name, org, cancellationToken).ConfigureAwait(false);
            bid = pool.ServerClass is null
                ? BidPrice.Normalize(request.BidPrice)
                : await EnforceBidAsync(pool.ServerClass, request.BidPrice, request.AllowHighBid, cancellationToken).ConfigureAwait(false);
        }

        var patch = new Wire.SpotNodePoolPatch
        {
            Spec = new Wire.SpotNodePoolPatchSpec
            {
                Desired = request.Desired,
                BidPrice = bid,
                Autoscaling = request.Autoscaling.ToWire(),
                CustomLabels = request.CustomLabels.ToWire(),
                CustomAnnotations = request.CustomAnnotations.ToWire(),
                CustomTaints = request.CustomTaints.ToWire(),
            },
        };
        return await _pools.UpdateAsync(name, patch, ifResourceVersion, org, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one spot pool.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("SpotNodePools_Delete")]
    public virtual void Delete(string name, string? org = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(ct => DeleteAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_Delete")]
    public virtual Task DeleteAsync(string name, string? org = null, CancellationToken cancellationToken = default)
    {
        _core.RefuseWhenReadOnly($"deleting spot pool '{name}'");
        return _pools.DeleteAsync(name, org, cancellationToken);
    }

    /// <summary>Deletes every spot pool of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace whose pools go.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("SpotNodePools_DeleteCollection")]
    public virtual void DeleteAll(string cloudSpace, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => DeleteAllAsync(cloudSpace, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_DeleteCollection")]
    public virtual Task DeleteAllAsync(string cloudSpace, string? org = null, CancellationToken cancellationToken = default)
    {
        _core.RefuseWhenReadOnly($"deleting every spot pools of cloudspace '{cloudSpace}'");
        return _pools.DeleteAllAsync(cloudSpace, org, cancellationToken);
    }

    /// <summary>
    /// Checks a bid against the class's prices with the rules of <see cref="BidGuard"/> (minimum bid, market price,
    /// on-demand price); sends nothing else. The verdict is an answer, not an exception.
    /// </summary>
    /// <param name="serverClass">Server class the bid is for.</param>
    /// <param name="bid">The bid.</param>
    /// <param name="allowHighBid">Accept a bid above the on-demand price or the market limit (it is then only a warning).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotValidationException">The bid is not a valid bid at all.</exception>
    [SpotOperation("ServerClasses_Get")]
    public virtual BidAssessment CheckBid(string serverClass, string bid, bool allowHighBid = false, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => CheckBidAsync(serverClass, bid, allowHighBid, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("ServerClasses_Get")]
    public virtual async Task<BidAssessment> CheckBidAsync(string serverClass, string bid, bool allowHighBid = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverClass);
        BidPrice.Normalize(bid); // a malformed bid fails before any request
        var prices = await _core.CallAsync(async ct => (await _core.ServerClasses.GetAsync(serverClass, ct).ConfigureAwait(false)).ToModel(), cancellationToken).ConfigureAwait(false);
        var market = prices.MarketPricePerHour ?? await FeedMarketPriceAsync(serverClass, cancellationToken).ConfigureAwait(false);
        return BidGuard.Assess(bid, prices, market, allowHighBid);
    }

    /// <summary>
    /// Polls a spot pool until it has won <paramref name="minWon"/> servers (default: its desired count), its bid
    /// status blocks it (Lost, SpeedBump Hit, SubscriptionSuspended, Error), it is deleted, or the timeout passes.
    /// Every ending is a result; only failures to ask and cancellation throw.
    /// </summary>
    /// <param name="name">Pool name.</param>
    /// <param name="minWon">Servers that count as fulfilled; null for the pool's desired count.</param>
    /// <param name="timeout">Longest wait (default 30 minutes).</param>
    /// <param name="progress">Receives every observed state.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    [SpotOperation("SpotNodePools_Get")]
    public virtual WaitResult<SpotNodePool> Wait(string name, int? minWon = null, TimeSpan? timeout = null, IProgress<SpotNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => WaitAsync(name, minWon, timeout, progress, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_Get")]
    public virtual Task<WaitResult<SpotNodePool>> WaitAsync(string name, int? minWon = null, TimeSpan? timeout = null, IProgress<SpotNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default) =>
        _pools.WaitAsync(name, pool => WaitRules.Read(pool, minWon), timeout, progress, org, cancellationToken);

    /// <summary>
    /// Replaces a spot pool safely: creates a new pool in <paramref name="serverClass"/> with the old one's settings
    /// (bid, size, labels, annotations, taints, autoscaling) except those set in <paramref name="changes"/>, waits until it has won its servers, then deletes the old pool. When the wait does not
    /// succeed the new pool is deleted and the old one left untouched (the result says so); on cancellation the same
    /// happens and <see cref="SpotReplaceCancelledException"/> is thrown.
    /// </summary>
    /// <param name="name">The pool to replace.</param>
    /// <param name="serverClass">Server class of the new pool (may be the old pool's).</param>
    /// <param name="changes">Settings of the new pool that differ from the old one's (bid, size, ...); null for none.</param>
    /// <param name="waitTimeout">Longest wait for the new pool (default 30 minutes); past it the new pool is deleted.</param>
    /// <param name="progress">Receives every observed state of the new pool.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the replacement (the new pool is then deleted).</param>
    /// <exception cref="SpotValidationException">The bid is refused by <see cref="BidGuard"/>; nothing was created.</exception>
    [SpotOperation("SpotNodePools_Get")]
    [SpotOperation("SpotNodePools_Create")]
    [SpotOperation("SpotNodePools_Delete")]
    public virtual PoolReplacement<SpotNodePool> Replace(string name, string serverClass, UpdateSpotNodePoolRequest? changes = null, TimeSpan? waitTimeout = null, IProgress<SpotNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ReplaceAsync(name, serverClass, changes, waitTimeout, progress, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_Get")]
    [SpotOperation("SpotNodePools_Create")]
    [SpotOperation("SpotNodePools_Delete")]
    public virtual async Task<PoolReplacement<SpotNodePool>> ReplaceAsync(string name, string serverClass, UpdateSpotNodePoolRequest? changes = null, TimeSpan? waitTimeout = null, IProgress<SpotNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default)
    {
        _core.RefuseWhenReadOnly($"replacing spot pool '{name}'");
        var old = await GetAsync(name, org, cancellationToken).ConfigureAwait(false);
        var create = NodePoolRules.Successor(old, serverClass, changes, new CreateSpotNodePoolRequest
        {
            CloudSpace = old.CloudSpace ?? "",
            ServerClass = serverClass,
            BidPrice = changes?.BidPrice ?? old.BidPrice ?? throw new SpotValidationException($"spot pool {name} has no bid to keep: give the new pool's bid"),
            AllowHighBid = changes?.AllowHighBid ?? false,
        });
        // Checked before anything is created, so a refused bid leaves both pools as they were.
        await EnforceBidAsync(create.ServerClass, create.BidPrice, create.AllowHighBid, cancellationToken).ConfigureAwait(false);
        return await PoolReplacer.ReplaceAsync(_core, new ReplacementPlan<SpotNodePool>(
            "spot pool",
            old,
            create.Desired,
            (newName, ct) => CreateAsync(create with { Name = newName }, org, ct),
            (newName, desired, ct) => WaitAsync(newName, desired, waitTimeout, progress, org, ct),
            (poolName, ct) => DeleteAsync(poolName, org, ct)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the bid guard: a refusal throws, a warning is logged; returns the bid in wire form.</summary>
    private async Task<string> EnforceBidAsync(string serverClass, string bid, bool allowHighBid, CancellationToken cancellationToken)
    {
        var assessment = await CheckBidAsync(serverClass, bid, allowHighBid, cancellationToken).ConfigureAwait(false);
        if (assessment.IsRefused)
        {
            throw new SpotValidationException(assessment.Message!);
        }

        if (assessment.IsWarning)
        {
            _core.Logger.LogWarning("{Warning}", assessment.Message);
        }

        return assessment.Bid;
    }

    /// <summary>The class's market price from the public percentiles feed, for servers that leave it out of the class; null when unknown.</summary>
    private async Task<decimal?> FeedMarketPriceAsync(string serverClass, CancellationToken cancellationToken)
    {
        try
        {
            var feed = await _core.CallAsync(async ct => (await _core.PriceFeeds.GetPercentilesAsync(ct).ConfigureAwait(false)).ToModel(), cancellationToken).ConfigureAwait(false);
            return feed.FirstOrDefault(c => c.ServerClass == serverClass)?.MarketPrice;
        }
        catch (SpotException e)
        {
            _core.Logger.LogDebug("No market price for {ServerClass} from the percentiles feed: {Error}", serverClass, e.Message);
            return null;
        }
    }
}
