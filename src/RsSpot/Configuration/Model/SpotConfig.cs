using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>A whole configuration file in YAML, TOML or JSON: profiles, preferences, global retry/cache defaults, and unknown keys kept for the save.</summary>
internal sealed class SpotConfig
{
    /// <summary>The schema version written by this library.</summary>
    public const string CurrentVersion = "2";

    /// <summary>Schema version (<c>version</c>): 1 (the reference tool's) or 2.</summary>
    [Setting("version", OneOf = ["1", CurrentVersion])]
    public string Version { get; set; } = CurrentVersion;

    /// <summary>Profile used when nothing more specific names one (<c>default_profile</c>).</summary>
    public string? DefaultProfile { get; set; }

    /// <summary>Profile selected by <c>profiles use</c> (<c>active_profile</c>, alias <c>activeProfile</c>).</summary>
    [Setting("active_profile", "activeProfile")]
    public string? ActiveProfile { get; set; }

    /// <summary>Location of state.db (<c>state_path</c>); <c>~</c> is expanded and relative paths are taken from the config file's directory.</summary>
    public string? StatePath { get; set; }

    /// <summary>Where the shared parts of the state live (<c>state</c>: <c>backend</c>, <c>connection_string</c>).</summary>
    public StateConfig? State { get; set; }

    /// <summary>Named profiles (<c>profiles</c>), in file order.</summary>
    public IDictionary<string, ProfileConfig> Profiles { get; set; } = new OrderedDictionary<string, ProfileConfig>(StringComparer.Ordinal);

    /// <summary>Default profile, organization and region choices (<c>preferences</c>).</summary>
    public PreferencesConfig Preferences { get; set; } = new();

    /// <summary>Global retry defaults (<c>retry</c>); a profile's own block is merged over it field by field.</summary>
    public RetryConfig? Retry { get; set; }

    /// <summary>Global cache defaults (<c>cache</c>); a profile's own block is merged over it field by field.</summary>
    public CacheConfig? Cache { get; set; }

    /// <summary>Top-level keys this version does not know; preserved verbatim on save.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?> ExtraKeys { get; set; } = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>File-level preferences (<c>preferences</c>). Unknown keys are kept in <see cref="ExtraKeys"/>.</summary>
internal sealed class PreferencesConfig
{
    /// <summary>Preferred profile (<c>preferences.default_profile</c>).</summary>
    public string? DefaultProfile { get; set; }

    /// <summary>Organization for profiles that name none (below the profile's own <c>org</c>).</summary>
    public string? DefaultOrg { get; set; }

    /// <summary>Region for profiles that name none (below the profile's own <c>region</c>).</summary>
    public string? DefaultRegion { get; set; }

    /// <summary>Organization per profile name; outranks the profile's own <c>org</c>.</summary>
    public IDictionary<string, string> ProfileOrgs { get; set; } = new OrderedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Region per profile name; outranks the profile's own <c>region</c>.</summary>
    public IDictionary<string, string> ProfileRegions { get; set; } = new OrderedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Preference keys this version does not know; preserved verbatim on save.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?> ExtraKeys { get; set; } = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>
/// The <c>state</c> block: where the shared parts of the state (the registration ledger) live, so several machines can work
/// on one. The per-user parts (token and HTTP caches, preferences, command history) always stay in state.db.
/// </summary>
[JsonObject(MissingMemberHandling = MissingMemberHandling.Error)]
internal sealed class StateConfig
{
    /// <summary><c>sqlite</c> (state.db, the default) or <c>postgres</c> (<c>backend</c>).</summary>
    [Setting("backend", OneOf = ["sqlite", "postgres"], Env = ["RSSPOT_STATE_BACKEND"])]
    public string? Backend { get; set; }

    /// <summary>The PostgreSQL connection string, <c>Host=...;Database=...;Username=...;Password=...</c> (<c>connection_string</c>); shown only with its password masked.</summary>
    [Setting("connection_string", Env = ["RSSPOT_STATE_CONNECTION"])]
    public string? ConnectionString { get; set; }
}
