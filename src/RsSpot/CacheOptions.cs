namespace RsSpot;

/// <summary>How successful GET responses are cached in state.db (and a bounded in-memory front layer).</summary>
public sealed class CacheOptions
{
    /// <summary>Default TTL rules: exact <c>METHOD:/path</c> keys, or prefixes ending in <c>*</c>.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> DefaultTtlRules { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["GET:/apis/auth.ngpc.rxt.io/v1/organizations"] = TimeSpan.FromSeconds(10),
        ["GET:/apis/ngpc.rxt.io/v1/regions"] = TimeSpan.FromSeconds(20),
        ["GET:/apis/ngpc.rxt.io/v1/namespaces/*"] = TimeSpan.FromSeconds(5),
        ["GET:/apis/metrics.ngpc.rxt.io/v1/events/organizations"] = TimeSpan.FromSeconds(5),
    };

    /// <summary>Whether responses are cached at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>TTL per <c>METHOD:/path</c> (exact) or <c>METHOD:/prefix*</c> rule; the first matching prefix in order wins.</summary>
    public IDictionary<string, TimeSpan> TtlRules { get; set; } = new Dictionary<string, TimeSpan>(DefaultTtlRules, StringComparer.Ordinal);

    /// <summary>TTL of responses no rule matches.</summary>
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most entries kept; the least recently used are evicted first.</summary>
    public int MaxEntries { get; set; } = 1000;

    /// <summary>Returns an independent copy.</summary>
    public CacheOptions Clone() => new()
    {
        Enabled = Enabled,
        TtlRules = new Dictionary<string, TimeSpan>(TtlRules, StringComparer.Ordinal),
        DefaultTtl = DefaultTtl,
        MaxEntries = MaxEntries,
    };
}
