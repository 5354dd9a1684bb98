using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Models;

namespace RsSpot.Operations;

/// <summary>Spot regions (async surface).</summary>
public interface IAsyncRegionsOperations
{
    /// <summary>Lists every region.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Region>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one region by name.</summary>
    /// <param name="name">Region name, e.g. us-central-dfw-1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">No such region.</exception>
    Task<Region> GetAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>Spot regions.</summary>
public class RegionsOperations : IAsyncRegionsOperations
{
    private readonly SpotClientCore _core = null!;

    /// <summary>For mocking only.</summary>
    protected RegionsOperations()
    {
    }

    internal RegionsOperations(SpotClientCore core) => _core = core;

    /// <summary>Lists every region.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("Regions_List")]
    public virtual IReadOnlyList<Region> List(CancellationToken cancellationToken = default) => SyncOverAsync.Run(ListAsync, cancellationToken);

    /// <inheritdoc />
    [SpotOperation("Regions_List")]
    public virtual Task<IReadOnlyList<Region>> ListAsync(CancellationToken cancellationToken = default) =>
        _core.CallAsync<IReadOnlyList<Region>>(
            async ct => (await _core.Regions.ListAsync(ct).ConfigureAwait(false)).Items.Select(r => r.ToModel()).OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            cancellationToken);

    /// <summary>Gets one region by name.</summary>
    /// <param name="name">Region name, e.g. us-central-dfw-1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">No such region.</exception>
    [SpotOperation("Regions_Get")]
    public virtual Region Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(ct => GetAsync(name, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("Regions_Get")]
    public virtual Task<Region> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _core.CallAsync(async ct => (await _core.Regions.GetAsync(name, ct).ConfigureAwait(false)).ToModel(), cancellationToken);
    }
}
