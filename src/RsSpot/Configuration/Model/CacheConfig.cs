using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>A <c>cache</c> block, mapped by name onto <see cref="CacheOptions"/> (seconds become durations); blocks layer like <see cref="RetryConfig"/>.</summary>
[JsonObject(MissingMemberHandling = MissingMemberHandling.Error)]
internal sealed class CacheConfig
{
    /// <summary>Whether GET responses are cached (<c>enabled</c>).</summary>
    public bool? Enabled { get; set; }

    /// <summary>TTL rules, <c>METHOD:/path</c> or <c>METHOD:/prefix*</c> → seconds (<c>ttl_defaults</c>). Replaces the whole rule set of lower layers.</summary>
    [Setting("ttl_defaults", Minimum = 0, Option = nameof(CacheOptions.TtlRules))]
    public IDictionary<string, double>? TtlDefaults { get; set; }

    /// <summary>TTL of responses no rule matches (<c>default_ttl</c>).</summary>
    [Setting("default_ttl", Minimum = 0)]
    public double? DefaultTtl { get; set; }

    /// <summary>Most entries kept (<c>max_entries</c>).</summary>
    [Setting("max_entries", Minimum = 1)]
    public int? MaxEntries { get; set; }

    /// <summary>Storage backend (<c>backend</c>), accepted for existing files: RsSpot always uses state.db with an in-memory front layer.</summary>
    [Setting("backend", OneOf = ["sqlite", "memory"], Option = "")]
    public string? Backend { get; set; }
}
