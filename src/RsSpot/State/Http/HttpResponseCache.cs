namespace RsSpot.State;

/// <summary>
/// The HTTP cache of a <see cref="StateStore"/>: a bounded in-memory LRU front (per process, expiry-aware) over the
/// shared <c>http_cache</c> table. A stale front entry always defers to the table, where another process may
/// have stored a newer response.
/// </summary>
internal sealed class HttpResponseCache : IHttpResponseCache
{
    /// <summary>Most entries the in-memory front layer holds (the table holds up to the configured MaxEntries).</summary>
    public const int FrontCapacity = 512;

    private readonly StateStore _store;
    private readonly MemoryResponseLayer _front = new(FrontCapacity);
    private readonly SqliteResponseTable _table;

    internal HttpResponseCache(StateStore store)
    {
        _store = store;
        _table = new SqliteResponseTable(store);
    }

    /// <inheritdoc />
    public CachedResponse? Lookup(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _store.Now;
        var front = _front.Get(key, now);
        if (front is not null && front.IsFresh(now))
        {
            return front;
        }

        var stored = _table.Get(key);
        if (stored is null || (!stored.IsFresh(now) && stored.ETag is null))
        {
            return null;
        }

        _front.Set(stored, FrontCapacity);
        return stored;
    }

    /// <inheritdoc />
    public void Store(CachedResponse response, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(response);
        _table.Set(response, maxEntries);
        _front.Set(response, maxEntries);
    }

    /// <inheritdoc />
    public void Refresh(string key, DateTimeOffset expiresAt)
    {
        _table.Refresh(key, expiresAt);
        _front.Refresh(key, expiresAt);
    }

    /// <inheritdoc />
    public void Record(string key, CacheOutcome outcome) => _table.Record(key, outcome);

    /// <inheritdoc />
    public int Invalidate(string resourcePrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);
        _front.Invalidate(resourcePrefix);
        return _table.Invalidate(resourcePrefix);
    }

    /// <inheritdoc />
    public CacheStats GetStats() => _table.GetStats();

    /// <inheritdoc />
    public int Clear()
    {
        _front.Clear();
        return _table.Clear();
    }
}
