using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

/// <summary>A throw-away home directory plus an injected environment, so tests never touch the real HOME or env.</summary>
internal sealed class TempHome : IDisposable
{
    public TempHome(IDictionary<string, string?>? variables = null)
    {
        Root = Directory.CreateTempSubdirectory("rsspot-config-").FullName;
        Variables = variables ?? new Dictionary<string, string?>();
    }

    public string Root { get; }

    public IDictionary<string, string?> Variables { get; }

    public ConfigEnvironment Environment => new(Variables, Root);

    public string ConfigDirectory => Path.Combine(Root, ".config", "rsspot");

    public string LegacyPath => Path.Combine(Root, ".spot_config");

    /// <summary>Writes <paramref name="text"/> to a path relative to the home directory and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public LoadedConfig Load(ConfigLoadRequest? request = null) => ConfigLoader.Load(request ?? new ConfigLoadRequest(), Environment);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>An in-memory state.db preference store.</summary>
internal sealed class FakePreferences : IPreferenceStore
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public string? GetPreference(string key) => Values.TryGetValue(key, out var value) ? value : null;

    public void SetPreference(string key, string value) => Values[key] = value;

    public void RemovePreference(string key) => Values.Remove(key);
}

/// <summary>Configurations that set every field, for round-trip tests.</summary>
internal static class SampleConfigs
{
    public const string RefreshToken = "v1.MjAyNi1yZWZyZXNoLXRva2Vu.secret-part_with-symbols:/+=";
    public const string AccessToken = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2ln";

    public static SpotConfig Full()
    {
        var config = new SpotConfig
        {
            DefaultProfile = "prod",
            ActiveProfile = "prod",
            StatePath = "~/state/rsspot.db",
            Retry = new RetryConfig { MaxAttempts = 5, BaseDelay = 0.25, MaxDelay = 3.5, Jitter = 0.1, RetryStatuses = [429, 503], MaxRetryAfter = 30, OverallTimeout = 90.5 },
            Cache = new CacheConfig { Enabled = true, TtlDefaults = new Dictionary<string, double> { ["GET:/apis/ngpc.rxt.io/v1/regions"] = 20, ["GET:/apis/x/*"] = 2.5 }, DefaultTtl = 5, MaxEntries = 1000, Backend = "sqlite" },
        };
        config.Profiles["prod"] = new ProfileConfig
        {
            Org = "sparkai",
            OrgId = "org_abc123",
            Region = "us-central-dfw-1",
            ClientId = "client-xyz",
            RefreshToken = RefreshToken,
            AccessToken = AccessToken,
            BaseUrl = "https://spot.example.test",
            OAuthUrl = "https://login.example.test",
            RequestTimeoutSeconds = 12.5,
            VerifySsl = false,
            MaxRetries = 2,
            RetryBackoffFactor = 0.75,
            Retry = new RetryConfig { MaxAttempts = 2 },
            Cache = new CacheConfig { Enabled = false, DefaultTtl = 1.5 },
        };
        config.Profiles["prod"].ExtraKeys["team_note"] = "keep me";
        config.Profiles["dev"] = new ProfileConfig { Org = "dev-org", RefreshToken = "dev-token" };
        config.Preferences.DefaultProfile = "prod";
        config.Preferences.DefaultOrg = "fallback-org";
        config.Preferences.DefaultRegion = "uk-lon-1";
        config.Preferences.ProfileOrgs["dev"] = "dev-org-pref";
        config.Preferences.ProfileRegions["dev"] = "us-east-iad-1";
        config.Preferences.ExtraKeys["theme"] = "dark";
        config.ExtraKeys["x_custom"] = new OrderedDictionary<string, object?> { ["nested"] = new List<object?> { 1L, "two", true, 3.5 } };
        return config;
    }

    /// <summary>A canonical, comparable rendering of a configuration (secrets included).</summary>
    public static string Canonical(SpotConfig config) => ConfigSerializer.Serialize(config, ConfigFormat.Json);
}
