namespace RsSpot.Configuration;

/// <summary>The profiles of a file and its selections, as <c>profiles list</c> shows them.</summary>
/// <param name="ActiveProfile">The file's <c>active_profile</c>.</param>
/// <param name="DefaultProfile">The file's <c>default_profile</c>.</param>
/// <param name="Profiles">Profile names, sorted ordinally.</param>
public sealed record ProfileListing(string? ActiveProfile, string? DefaultProfile, IReadOnlyList<string> Profiles);

/// <summary>A profile and its name.</summary>
/// <param name="Name">The profile's name.</param>
/// <param name="Profile">The stored profile.</param>
public sealed record NamedProfile(string Name, ProfileConfig Profile);

/// <summary>
/// Reads and edits the profiles of one configuration file. Every change is one <see cref="ConfigWriter.Update"/>:
/// read, change and atomic 0600 save under the file's lock, so concurrent changes never lose each other and a file
/// that fails to parse is reported and never overwritten. A missing file counts as an empty configuration.
/// </summary>
public sealed class ProfileManager
{
    /// <summary>Binds the manager to <paramref name="path"/> (typically <see cref="LoadedConfig.Path"/>).</summary>
    public ProfileManager(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The configuration file managed.</summary>
    public string Path { get; }

    /// <summary>Reads the file (an empty configuration when it does not exist yet).</summary>
    /// <exception cref="SpotConfigurationException">The file is malformed or invalid.</exception>
    public SpotConfig Load() => ConfigLoader.ReadFile(Path, allowMissing: true);

    /// <summary>Profile names (sorted) and the file's selections.</summary>
    public ProfileListing List()
    {
        var config = Load();
        return new ProfileListing(config.ActiveProfile, config.DefaultProfile, config.Profiles.Keys.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The profile named <paramref name="name"/>, or when null the file's <c>default_profile</c>, then
    /// <c>active_profile</c>, then <c>"default"</c>.
    /// </summary>
    /// <exception cref="ProfileNotFoundException">The profile does not exist.</exception>
    public NamedProfile Get(string? name = null)
    {
        var config = Load();
        var selected = name ?? config.DefaultProfile ?? config.ActiveProfile ?? SpotDefaults.ProfileName;
        return new NamedProfile(selected, Require(config, selected));
    }

    /// <summary>
    /// Creates profile <paramref name="name"/> or merges <paramref name="update"/> into it (unset fields keep their
    /// values). With <paramref name="activate"/>, or when the file selects no profile yet, it also becomes the active
    /// and default profile.
    /// </summary>
    /// <returns>The configuration as saved.</returns>
    public SpotConfig Upsert(string name, ProfileUpdate update, bool activate = false)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(update);
        return ConfigWriter.Update(Path, config =>
        {
            if (!config.Profiles.TryGetValue(name, out var profile))
            {
                config.Profiles[name] = profile = new ProfileConfig();
            }

            update.MergeInto(profile);
            if (activate || (config.ActiveProfile is null && config.DefaultProfile is null))
            {
                Select(config, name);
            }

            return config;
        });
    }

    /// <summary>
    /// Makes <paramref name="name"/> the active and default profile. A state.db <c>default_profile</c> naming another
    /// profile would outrank the file, so it is removed from <paramref name="statePreferences"/> when one is given.
    /// </summary>
    /// <returns>The configuration as saved.</returns>
    /// <exception cref="ProfileNotFoundException">The profile does not exist.</exception>
    public SpotConfig Use(string name, IPreferenceStore? statePreferences = null)
    {
        ValidateName(name);
        var saved = ConfigWriter.Update(Path, config =>
        {
            Require(config, name);
            Select(config, name);
            return config;
        });
        if (statePreferences?.GetPreference(PreferenceKeys.DefaultProfile) is { } stateDefault && stateDefault != name)
        {
            statePreferences.RemovePreference(PreferenceKeys.DefaultProfile);
        }

        return saved;
    }

    /// <summary>
    /// Removes profile <paramref name="name"/>. If it was active, the first remaining profile (file order) becomes
    /// active, or none; if it was the default, the new active profile becomes the default. Per-profile preferences
    /// of the deleted profile are removed, in the file and in <paramref name="statePreferences"/> when given.
    /// </summary>
    /// <returns>The configuration as saved.</returns>
    /// <exception cref="ProfileNotFoundException">The profile does not exist.</exception>
    public SpotConfig Delete(string name, IPreferenceStore? statePreferences = null)
    {
        ValidateName(name);
        var saved = ConfigWriter.Update(Path, config =>
        {
            Require(config, name);
            config.Profiles.Remove(name);
            config.Preferences.ProfileOrgs.Remove(name);
            config.Preferences.ProfileRegions.Remove(name);
            config.ActiveProfile = config.ActiveProfile == name ? config.Profiles.Keys.FirstOrDefault() : config.ActiveProfile;
            config.DefaultProfile = config.DefaultProfile == name ? config.ActiveProfile : config.DefaultProfile;
            config.Preferences.DefaultProfile = config.Preferences.DefaultProfile == name ? config.ActiveProfile : config.Preferences.DefaultProfile;
            return config;
        });
        if (statePreferences is not null)
        {
            if (statePreferences.GetPreference(PreferenceKeys.DefaultProfile) == name)
            {
                statePreferences.RemovePreference(PreferenceKeys.DefaultProfile);
            }

            statePreferences.RemovePreference(PreferenceKeys.ProfileOrg(name));
            statePreferences.RemovePreference(PreferenceKeys.ProfileRegion(name));
        }

        return saved;
    }

    private static void Select(SpotConfig config, string name)
    {
        config.ActiveProfile = name;
        config.DefaultProfile = name;
        if (config.Preferences.DefaultProfile is not null)
        {
            config.Preferences.DefaultProfile = name;
        }
    }

    private ProfileConfig Require(SpotConfig config, string name) =>
        config.Profiles.TryGetValue(name, out var profile) ? profile : throw new ProfileNotFoundException(name, Path);

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Trim() != name)
        {
            throw new SpotConfigurationException($"profile name '{name}' is invalid; use a non-empty name without surrounding spaces");
        }
    }
}
