using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Internal.Waiting;
using RsSpot.Models;
using Wire = RsSpot.Api;

namespace RsSpot.Operations;

/// <summary>On-demand node pools: fixed-price servers of a cloudspace (async surface).</summary>
public interface IAsyncOnDemandNodePoolsOperations
{
    /// <summary>Lists on-demand pools, optionally of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace filter; null for all.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<OnDemandNodePool>> ListAsync(string? cloudSpace = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one on-demand pool.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<OnDemandNodePool> GetAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Creates an on-demand pool.</summary>
    /// <param name="request">What to create; the name is generated when absent.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotValidationException">A field is invalid.</exception>
    Task<OnDemandNodePool> CreateAsync(CreateOnDemandNodePoolRequest request, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Changes only the fields set in <paramref name="request"/>; with <paramref name="ifResourceVersion"/> the update is conditional.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="request">Fields to change.</param>
    /// <param name="ifResourceVersion">Expected current resourceVersion, or null for an unconditional update.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<OnDemandNodePool> UpdateAsync(string name, UpdateOnDemandNodePoolRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes one on-demand pool.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes every on-demand pool of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace whose pools go.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteAllAsync(string cloudSpace, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls an on-demand pool until it has reserved <paramref name="minWon"/> servers (default: its desired count),
    /// its status blocks it (SpeedBump Hit, SubscriptionSuspended, Error), it is deleted, or the timeout passes.
    /// Every ending is a result; only failures to ask and cancellation throw.
    /// </summary>
    /// <param name="name">Pool name.</param>
    /// <param name="minWon">Servers that count as fulfilled; null for the pool's desired count.</param>
    /// <param name="timeout">Longest wait (default 30 minutes).</param>
    /// <param name="progress">Receives every observed state.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<WaitResult<OnDemandNodePool>> WaitAsync(string name, int? minWon = null, TimeSpan? timeout = null, IProgress<OnDemandNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an on-demand pool safely: creates a new pool in <paramref name="serverClass"/> with the old one's
    /// settings (size, labels, annotations, taints, autoscaling) except those set in <paramref name="changes"/>, waits until it holds its servers, then deletes the old pool. When the wait does not succeed
    /// the new pool is deleted and the old one left untouched (the result says so); on cancellation the same happens
    /// and <see cref="SpotReplaceCancelledException"/> is thrown.
    /// </summary>
    /// <param name="name">The pool to replace.</param>
    /// <param name="serverClass">Server class of the new pool (may be the old pool's).</param>
    /// <param name="changes">Settings of the new pool that differ from the old one's (size, labels, ...); null for none.</param>
    /// <param name="waitTimeout">Longest wait for the new pool (default 30 minutes); past it the new pool is deleted.</param>
    /// <param name="progress">Receives every observed state of the new pool.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the replacement (the new pool is then deleted).</param>
    Task<PoolReplacement<OnDemandNodePool>> ReplaceAsync(string name, string serverClass, UpdateOnDemandNodePoolRequest? changes = null, TimeSpan? waitTimeout = null, IProgress<OnDemandNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default);
}

/// <summary>On-demand node pools: fixed-price servers of a cloudspace.</summary>
public class OnDemandNodePoolsOperations : IAsyncOnDemandNodePoolsOperations
{
    private readonly SpotClientCore _core = null!;
    private readonly NodePoolService<Wire.OnDemandNodePool, Wire.OnDemandNodePoolPatch, OnDemandNodePool> _pools = null!;

    /// <summary>For mocking only.</summary>
    protected OnDemandNodePoolsOperations()
    {
    }

    internal OnDemandNodePoolsOperations(SpotClientCore core)
    {
        _core = core;
        _pools = new(core, new OnDemandPoolWire(core.OnDemandNodePools), p => p.ToModel(), "on-demand pool", nameof(OnDemandNodePoolsOperations));
    }

    /// <summary>Lists on-demand pools, optionally of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace filter; null for all.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("OnDemandNodePools_List")]
    public virtual IReadOnlyList<OnDemandNodePool> List(string? cloudSpace = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ListAsync(cloudSpace, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("OnDemandNodePools_List")]
    public virtual Task<IReadOnlyList<OnDemandNodePool>> ListAsync(string? cloudSpace = null, string? org = null, CancellationToken cancellationToken = default) =>
        _pools.ListAsync(cloudSpace, org, cancellationToken);

    /// <summary>Gets one on-demand pool.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("OnDemandNodePools_Get")]
    public virtual OnDemandNodePool Get(string name, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => GetAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("OnDemandNodePools_Get")]
    public virtual Task<OnDemandNodePool> GetAsync(string name, string? org = null, CancellationToken cancellationToken = default) => _pools.GetAsync(name, org, cancellationToken);

    /// <summary>Creates an on-demand pool.</summary>
    /// <param name="request">What to create; the name is generated when absent.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotValidationException">A field is invalid.</exception>
    [SpotOperation("OnDemandNodePools_Create")]
    public virtual OnDemandNodePool Create(CreateOnDemandNodePoolRequest request, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => CreateAsync(request, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("OnDemandNodePools_Create")]
    public virtual Task<OnDemandNodePool> CreateAsync(CreateOnDemandNodePoolRequest request, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _core.RefuseWhenReadOnly($"creating an on-demand pool in cloudspace '{request.CloudSpace}'");
        NodePoolRules.Validate(request);
        var name = NodePoolRules.ValidateName(request.Name);
        return _pools.CreateAsync(name, (poolName, ns) => new Wire.OnDemandNodePool
        {
            ApiVersion = ResourceMapping.ApiVersion,
            Kind = "OnDemandNodePool",
            Metadata = NodePoolService<Wire.OnDemandNodePool, Wire.OnDemandNodePoolPatch, OnDemandNodePool>.NewMetadata(poolName, ns, request.CloudSpace),
            Spec = new Wire.OnDemandNodePoolSpec
            {
                ServerClass = request.ServerClass,
                CloudSpace = request.CloudSpace,
                Desired = request.Desired,
                Autoscaling = request.Autoscaling.ToWire() ?? new Wire.Autoscaling { Enabled = false },
                CustomLabels = request.CustomLabels.ToWire() ?? new Dictionary<string, string>(),
                CustomAnnotations = request.CustomAnnotations.ToWire() ?? new Dictionary<string, string>(),
                CustomTaints = request.CustomTaints.ToWire() ?? [],
            },
        }, org, cancellationToken);
    }

    /// <summary>Changes only the fields set in <paramref name="request"/>; with <paramref name="ifResourceVersion"/> the update is conditional.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="request">Fields to change.</param>
    /// <param name="ifResourceVersion">Expected current resourceVersion, or null for an unconditional update.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("OnDemandNodePools_Patch")]
    [SpotOperation("OnDemandNodePools_Replace")]
    public virtual OnDemandNodePool Update(string name, UpdateOnDemandNodePoolRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => UpdateAsync(name, request, ifResourceVersion, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("OnDemandNodePools_Patch")]
    [SpotOperation("OnDemandNodePools_Replace")]
    public virtual Task<OnDemandNodePool> UpdateAsync(string name, UpdateOnDemandNodePoolRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default)
    {
        _core.RefuseWhenReadOnly($"updating on-demand pool '{name}'");
        NodePoolRules.Validate(request);
        var patch = new Wire.OnDemandNodePoolPatch
        {
            Spec = new Wire.OnDemandNodePoolPatchSpec
            {
                Desired = request.Desired,
                Autoscaling = request.Autoscaling.ToWire(),
                CustomLabels = request.CustomLabels.ToWire(),
                CustomAnnotations = request.CustomAnnotations.ToWire(),
                CustomTaints = request.CustomTaints.ToWire(),
            },
        };
        return _pools.UpdateAsync(name, patch, ifResourceVersion, org, cancellationToken);
    }

    /// <summary>Deletes one on-demand pool.</summary>
    /// <param name="name">Pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("OnDemandNodePools_Delete")]
    public virtual void Delete(string name, string? org = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(ct => DeleteAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("OnDemandNodePools_Delete")]
    public virtual Task DeleteAsync(string name, string? org = null, CancellationToken cancellationToken = default)
    {
        _core.RefuseWhenReadOnly($"deleting on-demand pool '{name}'");
        return _pools.DeleteAsync(name, org, cancellationToken);
    }

    /// <summary>Deletes every on-demand pool of one cloudspace.</summary>
    /// <param name="cloudSpace">Cloudspace whose pools go.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("OnDemandNodePools_DeleteCollection")]
    public virtual void DeleteAll(string cloudSpace, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => DeleteAllAsync(cloudSpace, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("OnDemandNodePools_DeleteCollection")]
    public virtual Task DeleteAllAsync(string cloudSpace, string? org = null, CancellationToken cancellationToken = default)
    {
        _core.RefuseWhenReadOnly($"deleting every on-demand pools of cloudspace '{cloudSpace}'");
        return _pools.DeleteAllAsync(cloudSpace, org, cancellationToken);
    }

    /// <summary>
    /// Polls an on-demand pool until it has reserved <paramref name="minWon"/> servers (default: its desired count),
    /// its status blocks it (SpeedBump Hit, SubscriptionSuspended, Error), it is deleted, or the timeout passes.
    /// Every ending is a result; only failures to ask and cancellation throw.
    /// </summary>
    /// <param name="name">Pool name.</param>
    /// <param name="minWon">Servers that count as fulfilled; null for the pool's desired count.</param>
    /// <param name="timeout">Longest wait (default 30 minutes).</param>
    /// <param name="progress">Receives every observed state.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    [SpotOperation("OnDemandNodePools_Get")]
    public virtual WaitResult<OnDemandNodePool> Wait(string name, int? minWon = null, TimeSpan? timeout = null, IProgress<OnDemandNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => WaitAsync(name, minWon, timeout, progress, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("OnDemandNodePools_Get")]
    public virtual Task<WaitResult<OnDemandNodePool>> WaitAsync(string name, int? minWon = null, TimeSpan? timeout = null, IProgress<OnDemandNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default) =>
        _pools.WaitAsync(name, pool => WaitRules.Read(pool, minWon), timeout, progress, org, cancellationToken);

    /// <summary>
    /// Replaces an on-demand pool safely: creates a new pool in <paramref name="serverClass"/> with the old one's
    /// settings (size, labels, annotations, taints, autoscaling) except those set in <paramref name="changes"/>, waits until it holds its servers, then deletes the old pool. When the wait does not succeed
    /// the new pool is deleted and the old one left untouched (the result says so); on cancellation the same happens
    /// and <see cref="SpotReplaceCancelledException"/> is thrown.
    /// </summary>
    /// <param name="name">The pool to replace.</param>
    /// <param name="serverClass">Server class of the new pool (may be the old pool's).</param>
    /// <param name="changes">Settings of the new pool that differ from the old one's (size, labels, ...); null for none.</param>
    /// <param name="waitTimeout">Longest wait for the new pool (default 30 minutes); past it the new pool is deleted.</param>
    /// <param name="progress">Receives every observed state of the new pool.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the replacement (the new pool is then deleted).</param>
    [SpotOperation("OnDemandNodePools_Get")]
    [SpotOperation("OnDemandNodePools_Create")]
    [SpotOperation("OnDemandNodePools_Delete")]
    public virtual PoolReplacement<OnDemandNodePool> Replace(string name, string serverClass, UpdateOnDemandNodePoolRequest? changes = null, TimeSpan? waitTimeout = null, IProgress<OnDemandNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ReplaceAsync(name, serverClass, changes, waitTimeout, progress, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("OnDemandNodePools_Get")]
    [SpotOperation("OnDemandNodePools_Create")]
    [SpotOperation("OnDemandNodePools_Delete")]
    public virtual async Task<PoolReplacement<OnDemandNodePool>> ReplaceAsync(string name, string serverClass, UpdateOnDemandNodePoolRequest? changes = null, TimeSpan? waitTimeout = null, IProgress<OnDemandNodePool>? progress = null, string? org = null, CancellationToken cancellationToken = default)
    {
        _core.RefuseWhenReadOnly($"replacing on-demand pool '{name}'");
        var old = await GetAsync(name, org, cancellationToken).ConfigureAwait(false);
        var create = NodePoolRules.Successor(old, serverClass, changes, new CreateOnDemandNodePoolRequest { CloudSpace = "", ServerClass = serverClass });
        return await PoolReplacer.ReplaceAsync(_core, new ReplacementPlan<OnDemandNodePool>(
            "on-demand pool",
            old,
            create.Desired,
            (newName, ct) => CreateAsync(create with { Name = newName }, org, ct),
            (newName, desired, ct) => WaitAsync(newName, desired, waitTimeout, progress, org, ct),
            (poolName, ct) => DeleteAsync(poolName, org, ct)), cancellationToken).ConfigureAwait(false);
    }
}
