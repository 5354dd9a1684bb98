namespace RsSpot.Configuration;

/// <summary>The profile names of a file (sorted ordinally) and its <c>active_profile</c>/<c>default_profile</c>, as <c>profiles list</c> shows them.</summary>
internal sealed record ProfileListing(string? ActiveProfile, string? DefaultProfile, IReadOnlyList<string> Profiles);

/// <summary>
/// Reads and edits the profiles of one configuration file (typically <see cref="LoadedConfig.Path"/>); a missing file counts
/// as an empty configuration, a missing profile is a <see cref="ProfileNotFoundException"/>. Every change is one
/// <see cref="ConfigWriter.Update"/>, so concurrent changes never lose each other, and returns the configuration as saved.
/// </summary>
internal sealed class ProfileManager(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? throw new ArgumentException("a config path is required", nameof(path)) : path);

    /// <summary>Reads the file (an empty configuration when it does not exist yet).</summary>
    public SpotConfig Load() => ConfigLoader.ReadFile(Path, allowMissing: true);

    /// <summary>Profile names (sorted) and the file's selections.</summary>
    public ProfileListing List()
    {
        var config = Load();
        return new ProfileListing(config.ActiveProfile, config.DefaultProfile, config.Profiles.Keys.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Creates profile <paramref name="name"/> or merges <paramref name="update"/> into it, then selects it like <see cref="Use"/> with
    /// <paramref name="activate"/> (or, state.db untouched, when the file selects no profile yet).
    /// </summary>
    public SpotConfig Upsert(string name, ProfileUpdate update, bool activate = false, IPreferenceStore? statePreferences = null)
    {
        var saved = Change(name, config =>
        {
            update.MergeInto(config.Profiles.TryGetValue(name, out var profile) ? profile : config.Profiles[name] = new ProfileConfig());
            if (activate || (config.ActiveProfile is null && config.DefaultProfile is null))
            {
                Select(config, name);
            }
        });
        return activate ? ClearStateDefault(saved, name, statePreferences) : saved;
    }

    /// <summary>Makes <paramref name="name"/> the active and default profile, removing a state.db <c>default_profile</c> that would outrank it.</summary>
    public SpotConfig Use(string name, IPreferenceStore? statePreferences = null) =>
        ClearStateDefault(Change(name, config => Select(config, name)), name, statePreferences);

    /// <summary>
    /// Removes profile <paramref name="name"/> and its per-profile preferences (file and state.db); if it was active or
    /// default, the first remaining profile (file order) takes its place, or none.
    /// </summary>
    public SpotConfig Delete(string name, IPreferenceStore? statePreferences = null)
    {
        var saved = Change(name, config =>
        {
            Require(config, name);
            config.Profiles.Remove(name);
            config.Preferences.ProfileOrgs.Remove(name);
            config.Preferences.ProfileRegions.Remove(name);
            config.ActiveProfile = config.ActiveProfile == name ? config.Profiles.Keys.FirstOrDefault() : config.ActiveProfile;
            config.DefaultProfile = config.DefaultProfile == name ? config.ActiveProfile : config.DefaultProfile;
            config.Preferences.DefaultProfile = config.Preferences.DefaultProfile == name ? config.ActiveProfile : config.Preferences.DefaultProfile;
        });
        if (statePreferences?.GetPreference(PreferenceKeys.DefaultProfile) == name)
        {
            statePreferences.RemovePreference(PreferenceKeys.DefaultProfile);
        }

        statePreferences?.RemovePreference(PreferenceKeys.ProfileOrg(name));
        statePreferences?.RemovePreference(PreferenceKeys.ProfileRegion(name));
        return saved;
    }

    /// <summary>The stored profile <paramref name="name"/> of <paramref name="config"/> (read from <paramref name="path"/>); missing, it is exit 4 wherever it is met.</summary>
    public static ProfileConfig Require(SpotConfig config, string? path, string name) =>
        config.Profiles.TryGetValue(name, out var profile) ? profile : throw new ProfileNotFoundException(name, path);

    private static SpotConfig ClearStateDefault(SpotConfig saved, string name, IPreferenceStore? statePreferences)
    {
        if (statePreferences?.GetPreference(PreferenceKeys.DefaultProfile) is { } stateDefault && stateDefault != name)
        {
            statePreferences.RemovePreference(PreferenceKeys.DefaultProfile);
        }

        return saved;
    }

    private ProfileConfig Require(SpotConfig config, string name) => Require(config, Path, name);

    /// <summary>Makes the stored profile <paramref name="name"/> the active and default one (and the preferred one, when the file names one).</summary>
    private void Select(SpotConfig config, string name)
    {
        Require(config, name);
        (config.ActiveProfile, config.DefaultProfile) = (name, name);
        config.Preferences.DefaultProfile = config.Preferences.DefaultProfile is null ? null : name;
    }

    private SpotConfig Change(string name, Action<SpotConfig> change) =>
        string.IsNullOrEmpty(name) || name.Trim() != name
            ? throw new SpotConfigurationException($"profile name '{name}' is invalid; use a non-empty name without surrounding spaces")
            : ConfigWriter.Update(Path, change);
}
