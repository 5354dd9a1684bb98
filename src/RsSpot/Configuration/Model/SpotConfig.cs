using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>A whole configuration file in YAML, TOML or JSON (docs/configuration.md, "The schema"); unknown keys (<c>ExtraKeys</c>) are kept for the save.</summary>
internal sealed class SpotConfig
{
    public const string CurrentVersion = "2";

    [Setting("version", OneOf = ["1", CurrentVersion])]
    public string Version { get; set; } = CurrentVersion;

    public string? DefaultProfile { get; set; }

    [Setting("active_profile", "activeProfile")]
    public string? ActiveProfile { get; set; }

    /// <summary>Location of state.db (<c>state_path</c>); <c>~</c> is expanded and relative paths are taken from the config file's directory.</summary>
    public string? StatePath { get; set; }

    public StateConfig? State { get; set; }

    public IDictionary<string, ProfileConfig> Profiles { get; set; } = new OrderedDictionary<string, ProfileConfig>(StringComparer.Ordinal);

    public PreferencesConfig Preferences { get; set; } = new();

    /// <summary>Global retry and cache defaults; a profile's own blocks are merged over them field by field.</summary>
    public RetryConfig? Retry { get; set; }

    public CacheConfig? Cache { get; set; }

    [JsonExtensionData]
    public IDictionary<string, object?> ExtraKeys { get; set; } = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>
/// File-level preferences (<c>preferences</c>): the default org and region apply only where a profile names none, while
/// the per-profile ones (keyed by profile name) outrank the profile's own <c>org</c> and <c>region</c>.
/// </summary>
internal sealed class PreferencesConfig
{
    public string? DefaultProfile { get; set; }

    public string? DefaultOrg { get; set; }

    public string? DefaultRegion { get; set; }

    public IDictionary<string, string> ProfileOrgs { get; set; } = new OrderedDictionary<string, string>(StringComparer.Ordinal);

    public IDictionary<string, string> ProfileRegions { get; set; } = new OrderedDictionary<string, string>(StringComparer.Ordinal);

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
    [Setting("backend", OneOf = ["sqlite", "postgres"], Env = ["RSSPOT_STATE_BACKEND"])]
    public string? Backend { get; set; }

    /// <summary>The PostgreSQL connection string, <c>Host=...;Database=...;Username=...;Password=...</c> (<c>connection_string</c>); shown only with its password masked.</summary>
    [Setting("connection_string", Env = ["RSSPOT_STATE_CONNECTION"])]
    public string? ConnectionString { get; set; }
}
