using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Models;

namespace RsSpot.Operations;

/// <summary>VM inventory and organization events (async surface).</summary>
public interface IAsyncInventoryOperations
{
    /// <summary>Lists VM cloudspaces with their assigned VMs.</summary>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<VmCloudSpace>> ListVmCloudSpacesAsync(string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one VM cloudspace.</summary>
    /// <param name="name">VM cloudspace name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<VmCloudSpace> GetVmCloudSpaceAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Lists VM pools, optionally of one VM cloudspace.</summary>
    /// <param name="vmCloudSpace">VM cloudspace filter; null for all.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<VmPool>> ListVmPoolsAsync(string? vmCloudSpace = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one VM pool.</summary>
    /// <param name="name">VM pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<VmPool> GetVmPoolAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Lists recent events of the caller's organization.</summary>
    /// <param name="limit">Most events returned (1 or more).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<OrganizationEvents> ListEventsAsync(int limit = 100, CancellationToken cancellationToken = default);
}

/// <summary>VM inventory and organization events.</summary>
public class InventoryOperations : IAsyncInventoryOperations
{
    private readonly SpotClientCore _core = null!;

    /// <summary>For mocking only.</summary>
    protected InventoryOperations()
    {
    }

    internal InventoryOperations(SpotClientCore core) => _core = core;

    /// <summary>Lists VM cloudspaces with their assigned VMs.</summary>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("VmCloudSpaces_List")]
    public virtual IReadOnlyList<VmCloudSpace> ListVmCloudSpaces(string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ListVmCloudSpacesAsync(org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("VmCloudSpaces_List")]
    public virtual Task<IReadOnlyList<VmCloudSpace>> ListVmCloudSpacesAsync(string? org = null, CancellationToken cancellationToken = default) =>
        _core.CallAsync<IReadOnlyList<VmCloudSpace>>(async ct =>
        {
            var ns = await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            return (await _core.VmCloudSpaces.ListAsync(ns, null, ct).ConfigureAwait(false)).Items.Select(c => c.ToModel()).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    /// <summary>Gets one VM cloudspace.</summary>
    /// <param name="name">VM cloudspace name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("VmCloudSpaces_Get")]
    public virtual VmCloudSpace GetVmCloudSpace(string name, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => GetVmCloudSpaceAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("VmCloudSpaces_Get")]
    public virtual Task<VmCloudSpace> GetVmCloudSpaceAsync(string name, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _core.CallAsync(async ct =>
            (await _core.VmCloudSpaces.GetAsync(await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false), name, ct).ConfigureAwait(false)).ToModel(), cancellationToken);
    }

    /// <summary>Lists VM pools, optionally of one VM cloudspace.</summary>
    /// <param name="vmCloudSpace">VM cloudspace filter; null for all.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("VmPools_List")]
    public virtual IReadOnlyList<VmPool> ListVmPools(string? vmCloudSpace = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ListVmPoolsAsync(vmCloudSpace, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("VmPools_List")]
    public virtual Task<IReadOnlyList<VmPool>> ListVmPoolsAsync(string? vmCloudSpace = null, string? org = null, CancellationToken cancellationToken = default) =>
        _core.CallAsync<IReadOnlyList<VmPool>>(async ct =>
        {
            var ns = await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            var selector = string.IsNullOrEmpty(vmCloudSpace) ? null : $"{ResourceMapping.VmCloudSpaceLabel}={vmCloudSpace}";
            return (await _core.VmPools.ListAsync(ns, selector, ct).ConfigureAwait(false)).Items.Select(p => p.ToModel()).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    /// <summary>Gets one VM pool.</summary>
    /// <param name="name">VM pool name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("VmPools_Get")]
    public virtual VmPool GetVmPool(string name, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => GetVmPoolAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("VmPools_Get")]
    public virtual Task<VmPool> GetVmPoolAsync(string name, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _core.CallAsync(async ct =>
            (await _core.VmPools.GetAsync(await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false), name, ct).ConfigureAwait(false)).ToModel(), cancellationToken);
    }

    /// <summary>Lists recent events of the caller's organization.</summary>
    /// <param name="limit">Most events returned (1 or more).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("Events_ListOrganizationEvents")]
    public virtual OrganizationEvents ListEvents(int limit = 100, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ListEventsAsync(limit, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("Events_ListOrganizationEvents")]
    public virtual Task<OrganizationEvents> ListEventsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _core.CallAsync(async ct => (await _core.Events.ListOrganizationEventsAsync(limit, ct).ConfigureAwait(false)).ToModel(), cancellationToken);
    }
}
