namespace RsSpot.State;

/// <summary>One cached GET response: enough to replay it without the network.</summary>
internal sealed record CachedResponse
{
    /// <summary>Opaque cache key (SHA-256 over scope, method, URL and body hash).</summary>
    public required string Key { get; init; }

    /// <summary>Identity scope the entry belongs to (base URL, profile, identity hash).</summary>
    public required string Scope { get; init; }

    /// <summary>HTTP method (always GET today).</summary>
    public required string Method { get; init; }

    /// <summary>Absolute URL without the query; what invalidation matches on.</summary>
    public required string Resource { get; init; }

    /// <summary>HTTP status code of the original response.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Response and content headers worth replaying (content type, ETag, request id, ...).</summary>
    public required IReadOnlyDictionary<string, string[]> Headers { get; init; }

    /// <summary>Response body bytes.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Entity tag sent by the server, used for If-None-Match revalidation.</summary>
    public string? ETag { get; init; }

    /// <summary>When the entry stops being served without revalidation.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the response was stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the entry may be served at <paramref name="now"/> without asking the server.</summary>
    public bool IsFresh(DateTimeOffset now) => now < ExpiresAt;
}
