namespace RsSpot.Configuration;

/// <summary>
/// Turns <see cref="SpotConfig"/> into the neutral tree with snake_case keys: the one place that decides what is
/// written. Unset fields are omitted; secrets are written as they are (the file is private, see <see cref="ConfigWriter"/>).
/// </summary>
internal static class ConfigTreeBuilder
{
    public static OrderedDictionary<string, object?> Build(SpotConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var tree = ConfigTree.NewMap();
        Put(tree, ConfigSchema.Top.Version, config.Version);
        Put(tree, ConfigSchema.Top.DefaultProfile, config.DefaultProfile);
        Put(tree, ConfigSchema.Top.ActiveProfile, config.ActiveProfile);
        Put(tree, ConfigSchema.Top.StatePath, config.StatePath);

        var profiles = ConfigTree.NewMap();
        foreach (var (name, profile) in config.Profiles)
        {
            profiles[name] = BuildProfile(profile);
        }

        tree[ConfigSchema.Top.Profiles.Name] = profiles;
        if (!config.Preferences.IsEmpty)
        {
            tree[ConfigSchema.Top.Preferences.Name] = BuildPreferences(config.Preferences);
        }

        Put(tree, ConfigSchema.Top.Retry, BuildRetry(config.Retry));
        Put(tree, ConfigSchema.Top.Cache, BuildCache(config.Cache));
        AddExtras(tree, config.ExtraKeys);
        return tree;
    }

    private static OrderedDictionary<string, object?> BuildProfile(ProfileConfig profile)
    {
        var map = ConfigTree.NewMap();
        Put(map, ConfigSchema.Profile.Org, profile.Org);
        Put(map, ConfigSchema.Profile.OrgId, profile.OrgId);
        Put(map, ConfigSchema.Profile.Region, profile.Region);
        Put(map, ConfigSchema.Profile.ClientId, profile.ClientId);
        Put(map, ConfigSchema.Profile.RefreshToken, profile.RefreshToken);
        Put(map, ConfigSchema.Profile.AccessToken, profile.AccessToken);
        Put(map, ConfigSchema.Profile.BaseUrl, profile.BaseUrl);
        Put(map, ConfigSchema.Profile.OAuthUrl, profile.OAuthUrl);
        Put(map, ConfigSchema.Profile.RequestTimeoutSeconds, profile.RequestTimeoutSeconds);
        Put(map, ConfigSchema.Profile.VerifySsl, profile.VerifySsl);
        Put(map, ConfigSchema.Profile.MaxRetries, (long?)profile.MaxRetries);
        Put(map, ConfigSchema.Profile.RetryBackoffFactor, profile.RetryBackoffFactor);
        Put(map, ConfigSchema.Top.Retry, BuildRetry(profile.Retry));
        Put(map, ConfigSchema.Top.Cache, BuildCache(profile.Cache));
        AddExtras(map, profile.ExtraKeys);
        return map;
    }

    private static OrderedDictionary<string, object?> BuildPreferences(PreferencesConfig preferences)
    {
        var map = ConfigTree.NewMap();
        Put(map, ConfigSchema.Preferences.DefaultProfile, preferences.DefaultProfile);
        Put(map, ConfigSchema.Preferences.DefaultOrg, preferences.DefaultOrg);
        Put(map, ConfigSchema.Preferences.DefaultRegion, preferences.DefaultRegion);
        if (preferences.ProfileOrgs.Count > 0)
        {
            map[ConfigSchema.Preferences.ProfileOrgs.Name] = ToTree(preferences.ProfileOrgs, value => value);
        }

        if (preferences.ProfileRegions.Count > 0)
        {
            map[ConfigSchema.Preferences.ProfileRegions.Name] = ToTree(preferences.ProfileRegions, value => value);
        }

        AddExtras(map, preferences.ExtraKeys);
        return map;
    }

    private static OrderedDictionary<string, object?>? BuildRetry(RetryConfig? retry)
    {
        if (retry is null)
        {
            return null;
        }

        var map = ConfigTree.NewMap();
        Put(map, ConfigSchema.Retry.MaxAttempts, (long?)retry.MaxAttempts);
        Put(map, ConfigSchema.Retry.BaseDelay, retry.BaseDelay);
        Put(map, ConfigSchema.Retry.MaxDelay, retry.MaxDelay);
        Put(map, ConfigSchema.Retry.Jitter, retry.Jitter);
        Put(map, ConfigSchema.Retry.RetryStatuses, retry.RetryStatuses?.Select(status => (object?)(long)status).ToList());
        Put(map, ConfigSchema.Retry.MaxRetryAfter, retry.MaxRetryAfter);
        Put(map, ConfigSchema.Retry.OverallTimeout, retry.OverallTimeout);
        return map;
    }

    private static OrderedDictionary<string, object?>? BuildCache(CacheConfig? cache)
    {
        if (cache is null)
        {
            return null;
        }

        var map = ConfigTree.NewMap();
        Put(map, ConfigSchema.Cache.Enabled, cache.Enabled);
        Put(map, ConfigSchema.Cache.TtlDefaults, cache.TtlDefaults is null ? null : ToTree(cache.TtlDefaults, seconds => (object?)seconds));
        Put(map, ConfigSchema.Cache.DefaultTtl, cache.DefaultTtl);
        Put(map, ConfigSchema.Cache.MaxEntries, (long?)cache.MaxEntries);
        Put(map, ConfigSchema.Cache.Backend, cache.Backend);
        return map;
    }

    private static OrderedDictionary<string, object?> ToTree<T>(IDictionary<string, T> entries, Func<T, object?> convert)
    {
        var map = ConfigTree.NewMap();
        foreach (var (key, value) in entries)
        {
            map[key] = convert(value);
        }

        return map;
    }

    private static void Put(OrderedDictionary<string, object?> map, ConfigKey key, object? value)
    {
        if (value is not null)
        {
            map[key.Name] = value;
        }
    }

    /// <summary>Unknown keys go after the known ones; a known key always wins over an extra of the same name.</summary>
    private static void AddExtras(OrderedDictionary<string, object?> map, IEnumerable<KeyValuePair<string, object?>> extras)
    {
        foreach (var (key, value) in extras)
        {
            map.TryAdd(key, ConfigTree.DeepCopy(value));
        }
    }
}
