namespace RsSpot.State;

/// <summary>HTTP cache statistics; hit and miss counters run since the last <see cref="IHttpResponseCache.Clear"/>.</summary>
/// <param name="Entries">Stored entries (fresh or expired).</param>
/// <param name="FreshEntries">Entries that are still fresh.</param>
/// <param name="Bytes">Total size of the stored bodies.</param>
/// <param name="Hits">Lookups served from the cache (including revalidations).</param>
/// <param name="Misses">Lookups that went to the server.</param>
/// <param name="Oldest">Creation time of the oldest entry.</param>
/// <param name="Newest">Creation time of the newest entry.</param>
internal sealed record CacheStats(long Entries, long FreshEntries, long Bytes, long Hits, long Misses, DateTimeOffset? Oldest, DateTimeOffset? Newest);
