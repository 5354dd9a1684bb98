using System.Net;
using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Models;

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

    /// <summary>Hammer-price history of one class from the public feed.</summary>
    /// <param name="serverClass">Class name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">The feed has no history for the class.</exception>
    Task<PriceHistory> GetHistoryAsync(string serverClass, CancellationToken cancellationToken = default);

    /// <summary>30-day price percentiles of every class from the public feed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ClassPercentiles>> GetPercentilesAsync(CancellationToken cancellationToken = default);

    /// <summary>Hyperscaler comparisons of every class from the public feed.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ClassComparison>> GetComparablePricesAsync(CancellationToken cancellationToken = default);
}

/// <summary>Current prices and the public price feeds.</summary>
public class PricingOperations : IAsyncPricingOperations
{
    private readonly SpotClientCore _core = null!;
    private readonly ServerClassesOperations _serverClasses = null!;

    /// <summary>For mocking only.</summary>
    protected PricingOperations()
    {
    }

    internal PricingOperations(SpotClientCore core, ServerClassesOperations serverClasses)
    {
        _core = core;
        _serverClasses = serverClasses;
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

    /// <summary>Hammer-price history of one class from the public feed.</summary>
    /// <param name="serverClass">Class name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">The feed has no history for the class.</exception>
    [SpotOperation("PriceFeeds_GetHistory")]
    public virtual PriceHistory GetHistory(string serverClass, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => GetHistoryAsync(serverClass, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("PriceFeeds_GetHistory")]
    public virtual async Task<PriceHistory> GetHistoryAsync(string serverClass, CancellationToken cancellationToken = default)
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
}
