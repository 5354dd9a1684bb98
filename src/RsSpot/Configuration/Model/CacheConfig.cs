namespace RsSpot.Configuration;

/// <summary>
/// A <c>cache</c> block. Every field is optional so blocks can be layered like <see cref="RetryConfig"/>.
/// Durations are in seconds. Unknown keys are rejected.
/// </summary>
public sealed class CacheConfig
{
    /// <summary>Whether GET responses are cached (<c>enabled</c>).</summary>
    public bool? Enabled { get; set; }

    /// <summary>TTL rules, <c>METHOD:/path</c> or <c>METHOD:/prefix*</c> → seconds (<c>ttl_defaults</c>). Replaces the whole rule set of lower layers.</summary>
    public IDictionary<string, double>? TtlDefaults { get; set; }

    /// <summary>TTL of responses no rule matches (<c>default_ttl</c>).</summary>
    public double? DefaultTtl { get; set; }

    /// <summary>Most entries kept (<c>max_entries</c>).</summary>
    public int? MaxEntries { get; set; }

    /// <summary>
    /// Storage backend name (<c>backend</c>: <c>sqlite</c> or <c>memory</c>). Kept for compatibility with existing files;
    /// RsSpot always uses state.db with an in-memory front layer.
    /// </summary>
    public string? Backend { get; set; }

    /// <summary>Returns a copy of <paramref name="baseline"/> (or of the defaults) with this block's set fields applied.</summary>
    public CacheOptions ToOptions(CacheOptions? baseline = null)
    {
        var options = baseline?.Clone() ?? new CacheOptions();
        ApplyTo(options);
        return options;
    }

    /// <summary>Overwrites the fields of <paramref name="options"/> that this block sets.</summary>
    /// <param name="options">The options to update in place.</param>
    /// <param name="applied">Called with the snake_case name of each field applied (used to report value sources).</param>
    public void ApplyTo(CacheOptions options, Action<string>? applied = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Enabled is { } enabled)
        {
            options.Enabled = enabled;
            applied?.Invoke(ConfigSchema.Cache.Enabled.Name);
        }

        if (TtlDefaults is not null)
        {
            options.TtlRules = TtlDefaults.ToDictionary(rule => rule.Key, rule => TimeSpan.FromSeconds(rule.Value), StringComparer.Ordinal);
            applied?.Invoke(ConfigSchema.Cache.TtlDefaults.Name);
        }

        if (DefaultTtl is { } ttl)
        {
            options.DefaultTtl = TimeSpan.FromSeconds(ttl);
            applied?.Invoke(ConfigSchema.Cache.DefaultTtl.Name);
        }

        if (MaxEntries is { } maxEntries)
        {
            options.MaxEntries = maxEntries;
            applied?.Invoke(ConfigSchema.Cache.MaxEntries.Name);
        }
    }
}
