namespace RsSpot.Configuration;

/// <summary>
/// Rewrites the legacy flat schema (credentials at the top level, as in <c>~/.spot_config</c>) into the profiled
/// schema. Unlike the reference (W12), the credentials go to the profile the file selects, and every other key
/// (retry, cache, preferences, state_path, unknown keys) is kept.
/// </summary>
internal static class LegacyShape
{
    public static bool IsFlat(IDictionary<string, object?> tree) =>
        !tree.ContainsKey(ConfigSchema.Top.Profiles.Name) && tree.Keys.Any(ConfigSchema.Profile.FlatKeys.Contains);

    /// <summary>Returns the tree unchanged when it is already profiled, otherwise a profiled copy.</summary>
    public static IDictionary<string, object?> Normalize(IDictionary<string, object?> tree)
    {
        if (!IsFlat(tree))
        {
            return tree;
        }

        var selectors = new MapReader(tree, string.Empty);
        var profileName = selectors.String(ConfigSchema.Top.ActiveProfile)
            ?? selectors.String(ConfigSchema.Top.DefaultProfile)
            ?? SpotDefaults.ProfileName;

        var profile = ConfigTree.NewMap();
        var normalized = ConfigTree.NewMap();
        normalized[ConfigSchema.Top.Version.Name] = SpotConfig.CurrentVersion;
        normalized[ConfigSchema.Top.DefaultProfile.Name] = profileName;
        normalized[ConfigSchema.Top.ActiveProfile.Name] = profileName;
        foreach (var (key, value) in tree)
        {
            if (ConfigSchema.Profile.FlatKeys.Contains(key))
            {
                profile[key] = ConfigTree.DeepCopy(value);
            }
            else if (!ConfigSchema.Top.ActiveProfile.AllNames.Contains(key) && key != ConfigSchema.Top.Version.Name)
            {
                normalized.TryAdd(key, ConfigTree.DeepCopy(value));
            }
        }

        var profiles = ConfigTree.NewMap();
        profiles[profileName] = profile;
        normalized[ConfigSchema.Top.Profiles.Name] = profiles;
        return normalized;
    }
}
