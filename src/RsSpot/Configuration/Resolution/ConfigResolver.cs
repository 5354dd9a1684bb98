using System.Reflection;
using RsSpot.State;

namespace RsSpot.Configuration;

/// <summary>Computes the effective settings and where each came from, in the order of docs/configuration.md ("Which value wins"), which the tests read.</summary>
internal static class ConfigResolver
{
    /// <summary>Keys of the profile choice and the state.db location in <see cref="ResolvedSettings.Sources"/>.</summary>
    public const string ProfileKey = "profile";

    public const string StatePathKey = "state_path";

    private const string Argument = "argument";
    private const string BuiltIn = "default";

    public static IReadOnlyList<string> ProfileVariables { get; } = ["RSSPOT_PROFILE", "SPOT_PROFILE"];

    /// <summary>Resolves every setting (a null <paramref name="environment"/> is the process's); a profile named but missing is a <see cref="ProfileNotFoundException"/>.</summary>
    public static ResolvedSettings Resolve(LoadedConfig loaded, ResolveRequest? arguments = null, IPreferenceStore? statePreferences = null, ConfigEnvironment? environment = null)
    {
        var context = new Context(loaded, arguments ?? new ResolveRequest(), statePreferences, environment ?? ConfigEnvironment.FromProcess());
        var name = SelectProfile(context);
        var profile = loaded.Config.Profiles.TryGetValue(name, out var stored) ? stored
            : context.Sources[ProfileKey] == BuiltIn || (name == SpotDefaults.ProfileName && loaded.Config.Profiles.Count == 0) ? new ProfileConfig()
            : throw new ProfileNotFoundException(name, loaded.Path, context.Sources[ProfileKey]);

        (var statePath, context.Sources[StatePathKey]) = StatePathFor(loaded, context.Arguments.StatePath, context.Environment);
        var resolved = new ResolvedSettings
        {
            ProfileName = name,
            Retry = ResolveRetry(context, profile, $"profile:{name}"),
            Cache = ResolveCache(context, profile, $"profile:{name}"),
            StatePath = statePath,
            ConfigPath = loaded.Path,
            ConfigSource = loaded.SourceName,
            Sources = context.Sources,
            Warnings = context.Warnings,
        };
        foreach (var (property, setting) in ProfileSettings.Declared.Where(declared => !declared.Setting.FeedsRetry))
        {
            var value = context.Pick(setting.Key, Ladder(context, property, setting, name, profile));
            property.SetValue(resolved, setting.Url && value is string url && !IsHttpUrl(url)
                ? throw new SpotConfigurationException($"{setting.Key} (from {context.Sources[setting.Key]}) is not an absolute http(s) URL", loaded.Path)
                : value);
        }

        return resolved;
    }

    /// <summary>The profile a run uses and what chose it (a <see cref="ResolvedSettings.Sources"/> label), whether or not the file holds it.</summary>
    public static (string Name, string Source) SelectProfile(LoadedConfig loaded, string? argument, IPreferenceStore? statePreferences, ConfigEnvironment environment)
    {
        var context = new Context(loaded, new ResolveRequest { Profile = argument }, statePreferences, environment);
        return (SelectProfile(context), context.Sources[ProfileKey]);
    }

    /// <summary>
    /// Where state.db lives and what chose it: the explicit path, the file's <c>state_path</c> (relative to the file), next to
    /// the file, then <c>~/.config/rsspot/state.db</c>. Needed before full resolution, which reads the preferences stored there.
    /// </summary>
    public static (string Path, string Source) StatePathFor(LoadedConfig loaded, string? explicitPath, ConfigEnvironment environment)
    {
        var configDirectory = Path.GetDirectoryName(loaded.Path);
        return (explicitPath, loaded.Config.StatePath, configDirectory) switch
        {
            ({ Length: > 0 }, _, _) => (environment.ExpandPath(explicitPath), Argument),
            (_, { Length: > 0 } configured, _) => (environment.ExpandPath(configured, configDirectory), "config:state_path"),
            (_, _, { Length: > 0 } directory) => (Path.Combine(directory, "state.db"), "config-directory"),
            _ => (Path.Combine(environment.ConfigDirectory, "state.db"), BuiltIn),
        };
    }

    /// <summary>
    /// Where the shared parts of the state live: <c>state.backend</c> (or <c>RSSPOT_STATE_BACKEND</c>), else postgres when a
    /// connection string is set, else sqlite (state.db). Postgres without a connection string is an error.
    /// </summary>
    public static SharedStateSettings SharedStateFor(LoadedConfig loaded, ConfigEnvironment environment)
    {
        var (backend, backendSource) = StateSetting(loaded, environment, nameof(StateConfig.Backend));
        var (connection, connectionSource) = StateSetting(loaded, environment, nameof(StateConfig.ConnectionString));
        (backend, backendSource) = backend is null && connection is not null ? (SharedStateSettings.Postgres, connectionSource) : (backend, backendSource);
        return backend switch
        {
            null => SharedStateSettings.Local,
            SharedStateSettings.Postgres => connection is null
                ? throw new SpotConfigurationException($"state.backend is postgres ({backendSource}) but no connection string is set: add state.connection_string or set RSSPOT_STATE_CONNECTION", loaded.Path)
                : SharedStateSettings.OnPostgres(connection, backendSource),
            _ => new SharedStateSettings(backend, null, backendSource),
        };
    }

    /// <summary>The configured PostgreSQL connection string (<c>RSSPOT_STATE_CONNECTION</c>, else <c>state.connection_string</c>), whatever the backend.</summary>
    public static string? StateConnectionFor(LoadedConfig loaded, ConfigEnvironment environment) =>
        StateSetting(loaded, environment, nameof(StateConfig.ConnectionString)).Value;

    /// <summary>A <see cref="StateConfig"/> value from its environment variable, else the file.</summary>
    private static (string? Value, string Source) StateSetting(LoadedConfig loaded, ConfigEnvironment environment, string name)
    {
        var property = typeof(StateConfig).GetProperty(name)!;
        var setting = property.GetCustomAttribute<SettingAttribute>()!;
        return environment.FirstOf(setting.Env) is var (variable, text)
            ? ((string?)ConfigBinder.FromVariable(text, property, setting, variable), $"env:{variable}")
            : ((string?)property.GetValue(loaded.Config.State ?? new StateConfig()), $"config:state.{setting.Key}");
    }

    private static string SelectProfile(Context context)
    {
        var config = context.Loaded.Config;
        var name = (string)context.Pick(ProfileKey, [
            new(context.Arguments.Profile, Argument),
            context.Environment.FirstOf(ProfileVariables) is var (variable, value) ? new(value, $"env:{variable}") : Candidate.None,
            context.State(PreferenceKeys.DefaultProfile),
            new(config.Preferences.DefaultProfile, "config:preferences.default_profile"),
            new(config.DefaultProfile, "config:default_profile"),
            new(config.ActiveProfile, "config:active_profile"),
            new(SpotDefaults.ProfileName, BuiltIn),
        ])!;
        if (context.Sources[ProfileKey].StartsWith("state:", StringComparison.Ordinal) && config.ActiveProfile is { } active && active != name)
        {
            context.Warnings.Add($"state.db default_profile '{name}' overrides the config file's active profile '{active}'; run 'rsspot profiles use {active}' to switch back");
        }

        return name;
    }

    /// <summary>One setting's candidates, highest first (produced lazily: an invalid variable below the winner is never parsed).</summary>
    private static IEnumerable<Candidate> Ladder(Context context, PropertyInfo property, SettingAttribute setting, string name, ProfileConfig profile)
    {
        yield return new(property.GetValue(context.Arguments), Argument);
        if (context.FromEnvironment(property, setting) is { } fromEnvironment)
        {
            yield return fromEnvironment;
        }

        var file = context.Loaded.Config.Preferences;
        var (perProfile, perProfileKey, perProfileState, machineWide, fileWide) = setting.Key switch
        {
            "org" => (file.ProfileOrgs, "profile_orgs", PreferenceKeys.ProfileOrg(name), PreferenceKeys.DefaultOrg, file.DefaultOrg),
            "region" => (file.ProfileRegions, "profile_regions", PreferenceKeys.ProfileRegion(name), PreferenceKeys.DefaultRegion, file.DefaultRegion),
            _ => (null, null, null, null, null),
        };
        if (perProfile is not null)
        {
            yield return context.State(perProfileState!);
            yield return new(perProfile.TryGetValue(name, out var preferred) ? preferred : null, $"config:preferences.{perProfileKey}.{name}");
        }

        yield return new(property.GetValue(profile), $"profile:{name}");
        if (machineWide is not null)
        {
            yield return context.State(machineWide);
            yield return new(fileWide, $"config:preferences.{machineWide}");
        }

        // Other Spot tools' names for the value: honoured, but never over anything RsSpot was told.
        if (context.FromEnvironment(property, setting, setting.FallbackEnv) is { } fromOtherTools)
        {
            yield return fromOtherTools;
        }

        yield return new(setting.Default, BuiltIn);
    }

    /// <summary>Retry, field by field: explicit legacy knobs, explicit options, environment knobs, the profile's block, its legacy knobs, the top-level block, defaults.</summary>
    private static RetryOptions ResolveRetry(Context context, ProfileConfig profile, string profileSource)
    {
        var (arguments, explicitRetry) = (context.Arguments, context.Arguments.Retry);
        var environmentKnobs = ProfileSettings.Declared.Where(declared => declared.Setting.FeedsRetry)
            .Select(declared => context.FromEnvironment(declared.Property, declared.Setting)).OfType<Candidate>()
            .Select(knob => new Candidate(RetryConfig.FromLegacy(knob.Value as int?, knob.Value as double?), knob.Source));
        Candidate[] configured = [
            new(context.Loaded.Config.Retry, "config:retry"),
            new(RetryConfig.FromLegacy(profile.MaxRetries, profile.RetryBackoffFactor), profileSource),
            new(profile.Retry, profileSource),
            .. environmentKnobs,
            .. RetryFieldsFromEnvironment(context),
        ];
        return OptionsMapping.Layer(explicitRetry?.Clone() ?? new RetryOptions(), explicitRetry is null ? BuiltIn : Argument, context.Sources,
            [.. explicitRetry is null ? configured : [], new(RetryConfig.FromLegacy(arguments.MaxRetries, arguments.RetryBackoffFactor), Argument)]);
    }

    /// <summary>One block per <see cref="RetryConfig"/> field whose declared environment variable is set, holding just that field.</summary>
    private static IEnumerable<Candidate> RetryFieldsFromEnvironment(Context context)
    {
        foreach (var property in typeof(RetryConfig).GetProperties())
        {
            if (property.GetCustomAttribute<SettingAttribute>() is { Env.Length: > 0 } setting && context.FromEnvironment(property, setting) is (var value, var source))
            {
                var block = new RetryConfig();
                property.SetValue(block, value);
                yield return new(block, source);
            }
        }
    }

    /// <summary>Cache: explicit options, else the profile's block over the top-level block over defaults.</summary>
    private static CacheOptions ResolveCache(Context context, ProfileConfig profile, string profileSource) => context.Arguments.Cache is { } explicitCache
        ? OptionsMapping.Layer(explicitCache.Clone(), Argument, context.Sources, [])
        : OptionsMapping.Layer(new CacheOptions(), BuiltIn, context.Sources, [new(context.Loaded.Config.Cache, "config:cache"), new(profile.Cache, profileSource)]);

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The inputs of one resolution and the sources recorded so far.</summary>
    private sealed record Context(LoadedConfig Loaded, ResolveRequest Arguments, IPreferenceStore? StatePreferences, ConfigEnvironment Environment)
    {
        public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

        public List<string> Warnings { get; } = [];

        /// <summary>The first candidate with a value wins and its source is recorded.</summary>
        public object? Pick(string key, IEnumerable<Candidate> candidates)
        {
            var winner = candidates.FirstOrDefault(candidate => candidate.Value is not null);
            Sources[key] = winner?.Source ?? "unset";
            return winner?.Value;
        }

        public Candidate State(string key) => new(StatePreferences?.GetPreference(key) is { Length: > 0 } value ? value : null, $"state:{key}");

        /// <summary>The first set variable of a setting, converted and checked; an invalid value is an error naming the variable.</summary>
        public Candidate? FromEnvironment(PropertyInfo property, SettingAttribute setting, string[]? variables = null) =>
            Environment.FirstOf(variables ?? setting.Env) is var (variable, text) ? new(ConfigBinder.FromVariable(text, property, setting, variable), $"env:{variable}") : null;
    }
}

/// <summary>A value (a setting, or a retry/cache block) and its source; a class, as LINQ over tuples is JIT-compiled on every CLI start.</summary>
internal sealed record Candidate(object? Value, string Source)
{
    public static Candidate None { get; } = new(null, "unset");
}
