namespace RsSpot.State;

/// <summary>
/// Storage behind <see cref="HttpCacheHandler"/>. Implementations must be thread-safe; the handler swallows (and
/// logs) any exception they throw, so a broken cache only costs a network call.
/// </summary>
internal interface IHttpResponseCache
{
    /// <summary>
    /// The entry stored under <paramref name="key"/>, or null. It may be expired: the handler serves only fresh
    /// entries and revalidates expired ones that carry an ETag.
    /// </summary>
    CachedResponse? Lookup(string key);

    /// <summary>Stores (or replaces) an entry, then evicts the least recently used entries beyond <paramref name="maxEntries"/>.</summary>
    void Store(CachedResponse response, int maxEntries);

    /// <summary>Extends an entry after the server confirmed it unchanged (304).</summary>
    void Refresh(string key, DateTimeOffset expiresAt);

    /// <summary>Counts a lookup outcome and marks the entry used (for LRU eviction).</summary>
    void Record(string key, CacheOutcome outcome);

    /// <summary>
    /// Drops every entry whose resource (absolute URL without query) equals <paramref name="resourcePrefix"/> or lies
    /// below it, in every scope. Returns the number of entries removed.
    /// </summary>
    int Invalidate(string resourcePrefix);

    /// <summary>Size and hit statistics.</summary>
    CacheStats GetStats();

    /// <summary>Removes every entry and resets the counters; returns the number of entries removed.</summary>
    int Clear();
}

/// <summary>Result of one cache lookup.</summary>
internal enum CacheOutcome
{
    /// <summary>A fresh entry was served without a network call.</summary>
    Hit,

    /// <summary>An expired entry was confirmed by the server (304 Not Modified) and served.</summary>
    Revalidated,

    /// <summary>Nothing usable was cached; the response came from the server.</summary>
    Miss,
}
