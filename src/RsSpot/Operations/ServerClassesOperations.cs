using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Models;

namespace RsSpot.Operations;

/// <summary>Server classes and their prices (async surface).</summary>
public interface IAsyncServerClassesOperations
{
    /// <summary>Lists server classes, optionally of one region (case-insensitive) and only those available now.</summary>
    /// <param name="region">Region filter; null for all regions.</param>
    /// <param name="onlyAvailable">Skip classes that cannot be bid on now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ServerClass>> ListAsync(string? region = null, bool onlyAvailable = true, CancellationToken cancellationToken = default);

    /// <summary>Gets one server class by name.</summary>
    /// <param name="name">Class name, e.g. gp.vs1.medium-dfw.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">No such class.</exception>
    Task<ServerClass> GetAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>Server classes and their prices.</summary>
public class ServerClassesOperations : IAsyncServerClassesOperations
{
    private readonly SpotClientCore _core = null!;

    /// <summary>For mocking only.</summary>
    protected ServerClassesOperations()
    {
    }

    internal ServerClassesOperations(SpotClientCore core) => _core = core;

    /// <summary>Lists server classes, optionally of one region (case-insensitive) and only those available now.</summary>
    /// <param name="region">Region filter; null for all regions.</param>
    /// <param name="onlyAvailable">Skip classes that cannot be bid on now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("ServerClasses_List")]
    public virtual IReadOnlyList<ServerClass> List(string? region = null, bool onlyAvailable = true, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ListAsync(region, onlyAvailable, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("ServerClasses_List")]
    public virtual Task<IReadOnlyList<ServerClass>> ListAsync(string? region = null, bool onlyAvailable = true, CancellationToken cancellationToken = default) =>
        _core.CallAsync<IReadOnlyList<ServerClass>>(
            async ct => (await _core.ServerClasses.ListAsync(ct).ConfigureAwait(false)).Items
                .Select(c => c.ToModel())
                .Where(c => region is null || string.Equals(c.Region, region, StringComparison.OrdinalIgnoreCase))
                .Where(c => !onlyAvailable || c.IsAvailable)
                .OrderBy(c => c.Region, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
                .ToList(),
            cancellationToken);

    /// <summary>Gets one server class by name.</summary>
    /// <param name="name">Class name, e.g. gp.vs1.medium-dfw.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">No such class.</exception>
    [SpotOperation("ServerClasses_Get")]
    public virtual ServerClass Get(string name, CancellationToken cancellationToken = default) => SyncOverAsync.Run(ct => GetAsync(name, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("ServerClasses_Get")]
    public virtual Task<ServerClass> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _core.CallAsync(async ct => (await _core.ServerClasses.GetAsync(name, ct).ConfigureAwait(false)).ToModel(), cancellationToken);
    }
}
