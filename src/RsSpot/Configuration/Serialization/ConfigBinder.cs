namespace RsSpot.Configuration;

/// <summary>
/// Binds a neutral tree to <see cref="SpotConfig"/>: the one place where keys, aliases, types and ranges are
/// checked, whatever format the tree came from. Throws <see cref="ConfigDocumentException"/> with the key path.
/// </summary>
internal static class ConfigBinder
{
    public static SpotConfig Bind(IDictionary<string, object?> tree)
    {
        var root = new MapReader(LegacyShape.Normalize(tree), string.Empty);
        var config = new SpotConfig
        {
            Version = root.String(ConfigSchema.Top.Version) ?? SpotConfig.CurrentVersion,
            DefaultProfile = root.String(ConfigSchema.Top.DefaultProfile),
            ActiveProfile = root.String(ConfigSchema.Top.ActiveProfile),
            StatePath = root.String(ConfigSchema.Top.StatePath),
            Preferences = BindPreferences(root.Map(ConfigSchema.Top.Preferences)),
            Retry = BindRetry(root.Map(ConfigSchema.Top.Retry)),
            Cache = BindCache(root.Map(ConfigSchema.Top.Cache)),
        };

        if (root.Map(ConfigSchema.Top.Profiles) is { } profiles)
        {
            // A profile written as "prod:" with no body is an empty profile, not an error.
            foreach (var (name, profile) in profiles.Entries((value, where) => BindProfile(value, where)))
            {
                config.Profiles[name] = profile;
            }
        }

        config.ExtraKeys = root.Unconsumed();
        return config;
    }

    private static ProfileConfig BindProfile(object? value, string where)
    {
        var reader = new MapReader(ScalarConverter.ToMap(value, where) ?? ConfigTree.NewMap(), where);
        return new ProfileConfig
        {
            Org = reader.String(ConfigSchema.Profile.Org),
            OrgId = reader.String(ConfigSchema.Profile.OrgId),
            Region = reader.String(ConfigSchema.Profile.Region),
            ClientId = reader.String(ConfigSchema.Profile.ClientId),
            RefreshToken = reader.String(ConfigSchema.Profile.RefreshToken),
            AccessToken = reader.String(ConfigSchema.Profile.AccessToken),
            BaseUrl = reader.String(ConfigSchema.Profile.BaseUrl),
            OAuthUrl = reader.String(ConfigSchema.Profile.OAuthUrl),
            RequestTimeoutSeconds = Positive(reader, ConfigSchema.Profile.RequestTimeoutSeconds),
            VerifySsl = reader.Bool(ConfigSchema.Profile.VerifySsl),
            MaxRetries = reader.Int(ConfigSchema.Profile.MaxRetries, min: 0),
            RetryBackoffFactor = reader.NonNegativeDouble(ConfigSchema.Profile.RetryBackoffFactor),
            Retry = BindRetry(reader.Map(ConfigSchema.Top.Retry)),
            Cache = BindCache(reader.Map(ConfigSchema.Top.Cache)),
            ExtraKeys = reader.Unconsumed(),
        };
    }

    private static PreferencesConfig BindPreferences(MapReader? reader)
    {
        if (reader is null)
        {
            return new PreferencesConfig();
        }

        return new PreferencesConfig
        {
            DefaultProfile = reader.String(ConfigSchema.Preferences.DefaultProfile),
            DefaultOrg = reader.String(ConfigSchema.Preferences.DefaultOrg),
            DefaultRegion = reader.String(ConfigSchema.Preferences.DefaultRegion),
            ProfileOrgs = StringEntries(reader.Map(ConfigSchema.Preferences.ProfileOrgs)),
            ProfileRegions = StringEntries(reader.Map(ConfigSchema.Preferences.ProfileRegions)),
            ExtraKeys = reader.Unconsumed(),
        };
    }

    private static RetryConfig? BindRetry(MapReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var retry = new RetryConfig
        {
            MaxAttempts = reader.Int(ConfigSchema.Retry.MaxAttempts, min: 1),
            BaseDelay = reader.NonNegativeDouble(ConfigSchema.Retry.BaseDelay),
            MaxDelay = reader.NonNegativeDouble(ConfigSchema.Retry.MaxDelay),
            Jitter = reader.Double(ConfigSchema.Retry.Jitter, min: 0, max: 1),
            RetryStatuses = reader.List(ConfigSchema.Retry.RetryStatuses, ScalarConverter.ToInt),
            MaxRetryAfter = reader.NonNegativeDouble(ConfigSchema.Retry.MaxRetryAfter),
            OverallTimeout = Positive(reader, ConfigSchema.Retry.OverallTimeout),
        };
        reader.Require(retry.RetryStatuses?.All(status => status is >= 100 and <= 599) ?? true, ConfigSchema.Retry.RetryStatuses, "must hold HTTP statuses (100-599)");
        reader.RejectUnknown([
            ConfigSchema.Retry.MaxAttempts, ConfigSchema.Retry.BaseDelay, ConfigSchema.Retry.MaxDelay, ConfigSchema.Retry.Jitter,
            ConfigSchema.Retry.RetryStatuses, ConfigSchema.Retry.MaxRetryAfter, ConfigSchema.Retry.OverallTimeout,
        ]);
        return retry;
    }

    private static CacheConfig? BindCache(MapReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var cache = new CacheConfig
        {
            Enabled = reader.Bool(ConfigSchema.Cache.Enabled),
            TtlDefaults = reader.Map(ConfigSchema.Cache.TtlDefaults)?.Entries(NonNegativeSeconds),
            DefaultTtl = reader.NonNegativeDouble(ConfigSchema.Cache.DefaultTtl),
            MaxEntries = reader.Int(ConfigSchema.Cache.MaxEntries, min: 1),
            Backend = reader.String(ConfigSchema.Cache.Backend),
        };
        reader.Require(cache.Backend is null || ConfigSchema.Cache.Backends.Contains(cache.Backend), ConfigSchema.Cache.Backend, "must be 'sqlite' or 'memory'");
        reader.RejectUnknown([
            ConfigSchema.Cache.Enabled, ConfigSchema.Cache.TtlDefaults, ConfigSchema.Cache.DefaultTtl,
            ConfigSchema.Cache.MaxEntries, ConfigSchema.Cache.Backend,
        ]);
        return cache;
    }

    private static OrderedDictionary<string, string> StringEntries(MapReader? reader) =>
        reader?.Entries((value, where) => ScalarConverter.ToText(value, where) ?? throw MapReader.NullValue(where)) ?? new OrderedDictionary<string, string>(StringComparer.Ordinal);

    private static double NonNegativeSeconds(object? value, string where)
    {
        var seconds = ScalarConverter.ToDouble(value, where) ?? throw MapReader.NullValue(where);
        return seconds < 0 ? throw ConfigDocumentException.Structure(where, "must not be negative") : seconds;
    }

    private static double? Positive(MapReader reader, ConfigKey key)
    {
        var value = reader.Double(key);
        reader.Require(value is null or > 0, key, "must be greater than 0");
        return value;
    }
}
