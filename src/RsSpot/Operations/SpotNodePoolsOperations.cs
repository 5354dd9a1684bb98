using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Models;
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

    /// <summary>Creates a spot pool after checking the bid (format, and not below the class's minimum bid).</summary>
    /// <param name="request">What to create; the name is generated when absent.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotValidationException">The bid or another field is invalid.</exception>
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

    /// <summary>Creates a spot pool after checking the bid (format, and not below the class's minimum bid).</summary>
    /// <param name="request">What to create; the name is generated when absent.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotValidationException">The bid or another field is invalid.</exception>
    [SpotOperation("SpotNodePools_Create")]
    public virtual SpotNodePool Create(CreateSpotNodePoolRequest request, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => CreateAsync(request, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_Create")]
    public virtual async Task<SpotNodePool> CreateAsync(CreateSpotNodePoolRequest request, string? org = null, CancellationToken cancellationToken = default)
    {
        NodePoolRules.Validate(request);
        var name = NodePoolRules.ValidateName(request.Name);
        var bid = await CheckBidAsync(request.BidPrice, request.ServerClass, cancellationToken).ConfigureAwait(false);
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
        NodePoolRules.Validate(request);
        string? bid = null;
        if (request.BidPrice is not null)
        {
            // The class is only known from the pool itself, so a bid change costs one extra read.
            var pool = await GetAsync(name, org, cancellationToken).ConfigureAwait(false);
            bid = await CheckBidAsync(request.BidPrice, pool.ServerClass, cancellationToken).ConfigureAwait(false);
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
    public virtual Task DeleteAsync(string name, string? org = null, CancellationToken cancellationToken = default) => _pools.DeleteAsync(name, org, cancellationToken);

    /// <summary>Deletes every spot pool of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace whose pools go.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("SpotNodePools_DeleteCollection")]
    public virtual void DeleteAll(string cloudSpace, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => DeleteAllAsync(cloudSpace, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("SpotNodePools_DeleteCollection")]
    public virtual Task DeleteAllAsync(string cloudSpace, string? org = null, CancellationToken cancellationToken = default) =>
        _pools.DeleteAllAsync(cloudSpace, org, cancellationToken);

    /// <summary>Checks the bid's format and that it is not below the class's reserve price; returns it in wire form.</summary>
    private async Task<string> CheckBidAsync(string bid, string? serverClass, CancellationToken cancellationToken)
    {
        var normalized = BidPrice.Normalize(bid);
        if (serverClass is null)
        {
            return normalized;
        }

        var minimum = await _core.CallAsync(async ct => Mapping(await _core.ServerClasses.GetAsync(serverClass, ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        if (minimum is { } floor && BidPrice.Parse(normalized) < floor)
        {
            throw new SpotValidationException($"bid {normalized} is below the minimum bid {floor.ToString(System.Globalization.CultureInfo.InvariantCulture)} of server class {serverClass}");
        }

        return normalized;

        static decimal? Mapping(Wire.ServerClass c) => c.ToModel().MinBidPricePerHour;
    }
}
