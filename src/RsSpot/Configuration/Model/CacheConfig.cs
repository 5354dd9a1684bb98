using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>A <c>cache</c> block, mapped by name onto <see cref="CacheOptions"/> (which documents each field; seconds become durations), layered like <see cref="RetryConfig"/>.</summary>
[JsonObject(MissingMemberHandling = MissingMemberHandling.Error)]
internal sealed class CacheConfig
{
    public bool? Enabled { get; set; }

    /// <summary>TTL rules (<see cref="CacheOptions.TtlRules"/>), in seconds; a layer that sets them replaces the whole rule set of lower layers.</summary>
    [Setting("ttl_defaults", Minimum = 0, Option = nameof(CacheOptions.TtlRules))]
    public IDictionary<string, double>? TtlDefaults { get; set; }

    [Setting("default_ttl", Minimum = 0)]
    public double? DefaultTtl { get; set; }

    [Setting("max_entries", Minimum = 1)]
    public int? MaxEntries { get; set; }

    /// <summary>Storage backend (<c>backend</c>), accepted for existing files: RsSpot always uses state.db with an in-memory front layer.</summary>
    [Setting("backend", OneOf = ["sqlite", "memory"], Option = "")]
    public string? Backend { get; set; }
}
