using Dapper;

namespace RsSpot.State;

/// <summary>The durable layer of the HTTP cache: the <c>http_cache</c> table, shared by every process using the file.</summary>
internal sealed class SqliteResponseTable(StateStore store)
{
    public CachedResponse? Get(string key) => store.Read(c => Sql.Single(
        c,
        "SELECT key, scope, method, resource, status, headers_json, body, etag, expires_at, created_at FROM http_cache WHERE key = @key",
        row => new CachedResponse
        {
            Key = row.GetString(0),
            Scope = row.GetString(1),
            Method = row.GetString(2),
            Resource = row.GetString(3),
            StatusCode = row.GetInt32(4),
            Headers = StateJson.ToHeaders(row.GetString(5)),
            Body = (byte[])row.GetValue(6),
            ETag = row.NullableString(7),
            ExpiresAt = UnixTime.FromMs(row.GetInt64(8)),
            CreatedAt = UnixTime.FromMs(row.GetInt64(9)),
        },
        ("key", key)));

    public void Set(CachedResponse response, int maxEntries)
    {
        var now = UnixTime.ToMs(store.Now);
        store.Write((c, tx) =>
        {
            c.Execute(
                """
                INSERT INTO http_cache (key, scope, method, resource, status, headers_json, body, etag, expires_at, last_access_at, created_at)
                VALUES (@Key, @Scope, @Method, @Resource, @StatusCode, @HeadersJson, @Body, @ETag, @ExpiresAt, @now, @CreatedAt)
                ON CONFLICT(key) DO UPDATE SET
                    status = excluded.status, headers_json = excluded.headers_json, body = excluded.body, etag = excluded.etag,
                    expires_at = excluded.expires_at, last_access_at = excluded.last_access_at, created_at = excluded.created_at
                """,
                new
                {
                    response.Key,
                    response.Scope,
                    response.Method,
                    response.Resource,
                    response.StatusCode,
                    HeadersJson = StateJson.FromHeaders(response.Headers),
                    Body = response.Body.ToArray(),
                    response.ETag,
                    ExpiresAt = UnixTime.ToMs(response.ExpiresAt),
                    CreatedAt = UnixTime.ToMs(response.CreatedAt),
                    now,
                },
                tx);

            // Expired entries that cannot be revalidated are garbage; drop them before evicting live ones by LRU.
            c.Execute("DELETE FROM http_cache WHERE etag IS NULL AND expires_at <= @now", new { now }, tx);
            return c.Execute(
                """
                DELETE FROM http_cache WHERE key IN (
                    SELECT key FROM http_cache ORDER BY last_access_at ASC
                    LIMIT MAX(0, (SELECT COUNT(*) FROM http_cache) - @maxEntries))
                """,
                new { maxEntries = Math.Max(1, maxEntries) },
                tx);
        });
    }

    public void Refresh(string key, DateTimeOffset expiresAt) =>
        store.Write((c, tx) => c.Execute(
            "UPDATE http_cache SET expires_at = @expiresAt WHERE key = @key",
            new { key, expiresAt = UnixTime.ToMs(expiresAt) },
            tx));

    public void Record(string key, CacheOutcome outcome) =>
        store.Write((c, tx) => outcome == CacheOutcome.Miss
            ? Sql.Execute(c, tx, "UPDATE cache_counters SET value = value + 1 WHERE name = 'misses'")
            : Sql.Execute(
                c,
                tx,
                """
                UPDATE http_cache SET last_access_at = @now, hits = hits + 1 WHERE key = @key;
                UPDATE cache_counters SET value = value + 1 WHERE name = 'hits';
                """,
                ("key", key),
                ("now", UnixTime.ToMs(store.Now))));

    public int Invalidate(string resourcePrefix) =>
        store.Write((c, tx) => c.Execute(
            // substr instead of LIKE: URLs may contain % and _, which LIKE would treat as wildcards.
            "DELETE FROM http_cache WHERE resource = @resourcePrefix OR substr(resource, 1, length(@below)) = @below",
            new { resourcePrefix, below = resourcePrefix + "/" },
            tx));

    public CacheStats GetStats() => store.Read(c =>
    {
        var row = c.QuerySingle<(long Entries, long Fresh, long Bytes, long? Oldest, long? Newest)>(
            """
            SELECT COUNT(*), COALESCE(SUM(expires_at > @now), 0), COALESCE(SUM(length(body)), 0), MIN(created_at), MAX(created_at)
            FROM http_cache
            """,
            new { now = UnixTime.ToMs(store.Now) });
        var counters = c.Query<(string Name, long Value)>("SELECT name, value FROM cache_counters").ToDictionary(p => p.Name, p => p.Value);
        return new CacheStats(
            row.Entries,
            row.Fresh,
            row.Bytes,
            counters.GetValueOrDefault("hits"),
            counters.GetValueOrDefault("misses"),
            UnixTime.FromMs(row.Oldest),
            UnixTime.FromMs(row.Newest));
    });

    public int Clear() => store.Write((c, tx) =>
    {
        c.Execute("UPDATE cache_counters SET value = 0", transaction: tx);
        return c.Execute("DELETE FROM http_cache", transaction: tx);
    });
}
