using System.Reflection;

namespace RsSpot.Configuration;

/// <summary>
/// Computes the effective settings from explicit arguments, environment variables, state.db preferences and the
/// configuration file, recording where every value came from. The order is the table of docs/configuration.md
/// ("Which value wins"), which the tests read.
/// </summary>
/// <remarks>
/// <para><b>Profile</b>: argument, RSSPOT_PROFILE/SPOT_PROFILE, state <c>default_profile</c>, the file's
/// <c>preferences.default_profile</c>, <c>default_profile</c>, <c>active_profile</c>, then <c>"default"</c>. A profile
/// named anywhere but missing from the file is a <see cref="ProfileNotFoundException"/>; only the built-in
/// <c>"default"</c> may be absent, and so may a <c>"default"</c> named when the file has no profiles at all.</para>
/// <para><b>Profile settings</b> (<see cref="ProfileSettings"/>): argument, environment, the profile, built-in default.
/// <b>org</b> and <b>region</b> also have preferences: the profile's own (state <c>profile_org:&lt;p&gt;</c>, then the
/// file's <c>preferences.profile_orgs</c>) above the profile, and the machine-wide state <c>default_org</c> and
/// file-wide <c>preferences.default_org</c> below it, so a machine-wide preference applies only where the profile is silent.</para>
/// <para><b>retry</b>, field by field, highest first: explicit legacy knobs, explicit <see cref="RetryOptions"/>, environment
/// legacy knobs, the profile's <c>retry</c> block, the profile's legacy knobs, the top-level <c>retry</c> block, defaults.
/// <b>cache</b>: explicit <see cref="CacheOptions"/>, else the profile's block over the top-level block over defaults.</para>
/// </remarks>
public static class ConfigResolver
{
    /// <summary>Key of the profile choice in <see cref="ResolvedSettings.Sources"/>.</summary>
    public const string ProfileKey = "profile";

    /// <summary>Key of the state.db location in <see cref="ResolvedSettings.Sources"/>.</summary>
    public const string StatePathKey = "state_path";

    private const string Argument = "argument";
    private const string BuiltIn = "default";

    /// <summary>Environment variables naming the profile, first match wins.</summary>
    public static IReadOnlyList<string> ProfileVariables { get; } = ["RSSPOT_PROFILE", "SPOT_PROFILE"];

    /// <summary>Resolves every setting.</summary>
    /// <param name="loaded">The configuration from <see cref="ConfigLoader.Load"/>.</param>
    /// <param name="arguments">Explicit values; null when there are none.</param>
    /// <param name="statePreferences">state.db preferences; null when there is no state store.</param>
    /// <param name="environment">Environment and home directory; null for the current process.</param>
    /// <exception cref="ProfileNotFoundException">The profile named does not exist.</exception>
    /// <exception cref="SpotConfigurationException">An environment variable or value is invalid.</exception>
    public static ResolvedSettings Resolve(LoadedConfig loaded, ResolveRequest? arguments = null, IPreferenceReader? statePreferences = null, ConfigEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var context = new ResolutionContext(loaded, arguments ?? new ResolveRequest(), statePreferences, environment ?? ConfigEnvironment.FromProcess());
        var (profileName, profile) = RequireProfile(context);
        var effective = new ProfileSettings();
        foreach (var (property, setting) in ProfileSettings.Declared.Where(declared => !declared.Setting.FeedsRetry))
        {
            var value = context.Pick(setting.Key, Ladder(context, property, setting, profileName, profile));
            property.SetValue(effective, setting.Url ? context.RequireUrl(setting.Key, (string?)value) : value);
        }

        var (statePath, stateSource) = StatePathFor(loaded, context.Arguments.StatePath, context.Environment);
        context.Sources[StatePathKey] = stateSource;
        return new ResolvedSettings
        {
            ProfileName = profileName,
            Effective = effective,
            Retry = ResolveRetry(context, profile, $"profile:{profileName}"),
            Cache = ResolveCache(context, profile, $"profile:{profileName}"),
            StatePath = statePath,
            ConfigPath = loaded.Path,
            ConfigSource = loaded.SourceName,
            Sources = context.Sources,
            Warnings = context.Warnings,
        };
    }

    /// <summary>
    /// The profile a run uses and what chose it (<c>argument</c>, <c>env:NAME</c>, <c>state:default_profile</c>,
    /// <c>config:KEY</c> or <c>default</c>), whether or not the file holds it.
    /// </summary>
    public static (string Name, string Source) SelectProfile(LoadedConfig loaded, string? argument, IPreferenceReader? statePreferences, ConfigEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var context = new ResolutionContext(loaded, new ResolveRequest { Profile = argument }, statePreferences, environment);
        var name = SelectProfile(context);
        return (name, context.Sources[ProfileKey]);
    }

    /// <summary>
    /// Where state.db lives: the explicit path, the file's <c>state_path</c> (relative to the file's directory),
    /// next to the configuration file, then <c>~/.config/rsspot/state.db</c>. Needed before full resolution,
    /// because resolution reads the preferences stored in that file.
    /// </summary>
    /// <returns>The absolute path and its source label.</returns>
    public static (string Path, string Source) StatePathFor(LoadedConfig loaded, string? explicitPath, ConfigEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(environment);
        var configDirectory = loaded.Path is null ? null : Path.GetDirectoryName(loaded.Path);
        return (explicitPath, loaded.Config.StatePath, configDirectory) switch
        {
            ({ Length: > 0 }, _, _) => (environment.ExpandPath(explicitPath), Argument),
            (_, { Length: > 0 } configured, _) => (environment.ExpandPath(configured, configDirectory), "config:state_path"),
            (_, _, { } directory) => (Path.Combine(directory, "state.db"), "config-directory"),
            _ => (ConfigPaths.DefaultStateFile(environment), BuiltIn),
        };
    }

    private static string SelectProfile(ResolutionContext context)
    {
        var config = context.Loaded.Config;
        var name = (string)context.Pick(ProfileKey, [
            (context.Arguments.Profile, Argument),
            context.Environment.FirstOf(ProfileVariables) is var (variable, value) ? (value, $"env:{variable}") : (null, string.Empty),
            context.State(PreferenceKeys.DefaultProfile),
            (config.Preferences.DefaultProfile, "config:preferences.default_profile"),
            (config.DefaultProfile, "config:default_profile"),
            (config.ActiveProfile, "config:active_profile"),
            (SpotDefaults.ProfileName, BuiltIn),
        ])!;
        if (context.Sources[ProfileKey].StartsWith("state:", StringComparison.Ordinal) && config.ActiveProfile is { } active && active != name)
        {
            context.Warnings.Add($"state.db default_profile '{name}' overrides the config file's active profile '{active}'; run 'rsspot profiles use {active}' to switch back");
        }

        return name;
    }

    private static (string Name, ProfileConfig Profile) RequireProfile(ResolutionContext context)
    {
        var name = SelectProfile(context);
        var config = context.Loaded.Config;
        var source = context.Sources[ProfileKey];
        return config.Profiles.TryGetValue(name, out var profile) ? (name, profile)
            : source == BuiltIn || (name == SpotDefaults.ProfileName && config.Profiles.Count == 0) ? (name, new ProfileConfig())
            : throw new ProfileNotFoundException(name, context.Loaded.Path, source);
    }

    /// <summary>One setting's candidates, highest first.</summary>
    private static IEnumerable<(object? Value, string Source)> Ladder(ResolutionContext context, PropertyInfo property, SettingAttribute setting, string profileName, ProfileConfig profile)
    {
        yield return (property.GetValue(context.Arguments), Argument);
        if (context.FromEnvironment(property, setting) is { } fromEnvironment)
        {
            yield return fromEnvironment;
        }

        var (aboveProfile, belowProfile) = Preferences(context, setting.Key, profileName);
        foreach (var layer in aboveProfile.Append((property.GetValue(profile), $"profile:{profileName}")).Concat(belowProfile))
        {
            yield return layer;
        }

        yield return (setting.Default, BuiltIn);
    }

    /// <summary>The preference layers of org and region: per-profile ones above the profile, machine- and file-wide ones below it.</summary>
    private static ((object?, string)[] Above, (object?, string)[] Below) Preferences(ResolutionContext context, string key, string profile)
    {
        var file = context.Loaded.Config.Preferences;
        return key switch
        {
            "org" => Layers(PreferenceKeys.ProfileOrg(profile), file.ProfileOrgs, "profile_orgs", PreferenceKeys.DefaultOrg, file.DefaultOrg),
            "region" => Layers(PreferenceKeys.ProfileRegion(profile), file.ProfileRegions, "profile_regions", PreferenceKeys.DefaultRegion, file.DefaultRegion),
            _ => ([], []),
        };

        ((object?, string)[], (object?, string)[]) Layers(string statePerProfile, IDictionary<string, string> filePerProfile, string fileKey, string stateDefault, string? fileDefault) => (
            [context.State(statePerProfile), (filePerProfile.TryGetValue(profile, out var value) ? value : null, $"config:preferences.{fileKey}.{profile}")],
            [context.State(stateDefault), (fileDefault, $"config:preferences.{stateDefault}")]);
    }

    private static RetryOptions ResolveRetry(ResolutionContext context, ProfileConfig profile, string profileSource)
    {
        var retry = new RetryOptions();
        void Layer(RetryConfig? block, string source) => OptionsMapping.Apply(block, retry, key => context.Sources[$"retry.{key}"] = source);

        context.MarkAll("retry", OptionsMapping.Describe(typeof(RetryConfig), retry), BuiltIn);
        Layer(context.Loaded.Config.Retry, "config:retry");
        Layer(RetryConfig.FromLegacy(profile.MaxRetries, profile.RetryBackoffFactor), profileSource);
        Layer(profile.Retry, profileSource);
        foreach (var (property, setting) in ProfileSettings.Declared.Where(declared => declared.Setting.FeedsRetry))
        {
            if (context.FromEnvironment(property, setting) is var (value, source))
            {
                Layer(RetryConfig.FromLegacy(value as int?, value as double?), source);
            }
        }

        if (context.Arguments.Retry is { } explicitRetry)
        {
            retry = explicitRetry.Clone();
            context.MarkAll("retry", OptionsMapping.Describe(typeof(RetryConfig), retry), Argument);
        }

        Layer(RetryConfig.FromLegacy(context.Arguments.MaxRetries, null), Argument);
        Layer(RetryConfig.FromLegacy(null, context.Arguments.RetryBackoffFactor), Argument);
        return retry;
    }

    private static CacheOptions ResolveCache(ResolutionContext context, ProfileConfig profile, string profileSource)
    {
        var explicitCache = context.Arguments.Cache;
        var cache = explicitCache?.Clone() ?? new CacheOptions();
        context.MarkAll("cache", OptionsMapping.Describe(typeof(CacheConfig), cache), explicitCache is null ? BuiltIn : Argument);
        if (explicitCache is null)
        {
            OptionsMapping.Apply(context.Loaded.Config.Cache, cache, key => context.Sources[$"cache.{key}"] = "config:cache");
            OptionsMapping.Apply(profile.Cache, cache, key => context.Sources[$"cache.{key}"] = profileSource);
        }

        return cache;
    }
}
