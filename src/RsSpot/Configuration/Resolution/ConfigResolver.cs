namespace RsSpot.Configuration;

/// <summary>
/// Computes the effective settings from explicit arguments, environment variables, state.db preferences and the
/// configuration file, recording where every value came from.
/// </summary>
/// <remarks>
/// <para><b>Profile</b>: argument, then RSSPOT_PROFILE/SPOT_PROFILE, then the state preference <c>default_profile</c>,
/// then the file's <c>preferences.default_profile</c>, <c>default_profile</c>, <c>active_profile</c>, then
/// <c>"default"</c>. <c>profiles use</c> stays effective because <see cref="ProfileManager.Use"/> writes all three
/// file selectors and removes a state <c>default_profile</c> that names another profile; if a state preference still
/// overrides the file's active profile, <see cref="ResolvedSettings.Warnings"/> says so instead of staying silent.
/// A profile that is named anywhere but missing from the file is an error (naming the profile, the file and the
/// <c>rsspot configure --profile</c> hint); only the built-in <c>"default"</c> may be absent, and so may a
/// <c>"default"</c> named when the file has no profiles at all (environment-only credentials).</para>
/// <para><b>org / region</b>: argument, environment, state <c>profile_org:&lt;p&gt;</c> / <c>profile_region:&lt;p&gt;</c>,
/// state <c>default_org</c> / <c>default_region</c>, file <c>preferences.profile_orgs[p]</c> /
/// <c>profile_regions[p]</c>, the profile's own value, and last the file-wide <c>preferences.default_org</c> /
/// <c>default_region</c> (which, unlike the reference, no longer overrides a profile's own value).</para>
/// <para><b>org_id, client_id, tokens, URLs, timeout, verify_ssl</b>: argument, environment, profile, built-in default.</para>
/// <para><b>retry</b>, field by field, highest first: explicit legacy knobs, explicit <see cref="RetryOptions"/>, environment
/// legacy knobs (RSSPOT_MAX_RETRIES, RSSPOT_RETRY_BACKOFF_FACTOR), the profile's <c>retry</c> block, the profile's legacy
/// <c>max_retries</c>/<c>retry_backoff_factor</c>, the top-level <c>retry</c> block, <see cref="RetryOptions"/> defaults.
/// <b>cache</b>: explicit <see cref="CacheOptions"/>, else the profile's block over the top-level block over defaults.</para>
/// <para><b>state_path</b>: argument, the file's <c>state_path</c> (<c>~</c> expanded, relative to the file's directory),
/// <c>state.db</c> next to the file, <c>~/.config/rsspot/state.db</c>.</para>
/// </remarks>
public static class ConfigResolver
{
    private const string Argument = "argument";
    private const string BuiltIn = "default";

    private static readonly string[] RetryFields = ["max_attempts", "base_delay", "max_delay", "jitter", "retry_statuses", "max_retry_after", "overall_timeout"];
    private static readonly string[] CacheFields = ["enabled", "ttl_defaults", "default_ttl", "max_entries"];

    /// <summary>Resolves every setting.</summary>
    /// <param name="loaded">The configuration from <see cref="ConfigLoader.Load"/>.</param>
    /// <param name="arguments">Explicit values; null when there are none.</param>
    /// <param name="statePreferences">state.db preferences; null when there is no state store.</param>
    /// <param name="environment">Environment and home directory; null for the current process.</param>
    /// <exception cref="SpotConfigurationException">A named profile is missing, or an environment variable or value is invalid.</exception>
    public static ResolvedSettings Resolve(LoadedConfig loaded, ResolveRequest? arguments = null, IPreferenceReader? statePreferences = null, ConfigEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var context = new ResolutionContext(loaded, arguments ?? new ResolveRequest(), statePreferences, environment ?? ConfigEnvironment.FromProcess());
        var (profileName, profile) = SelectProfile(context);
        var config = loaded.Config;
        var profileSource = $"profile:{profileName}";
        var args = context.Arguments;

        var org = ResolveSelector(context, ResolvedSettings.Fields.Org, args.Org, SpotEnvironmentVariables.Org, profileName, profile.Org,
            PreferenceKeys.ProfileOrg(profileName), PreferenceKeys.DefaultOrg, config.Preferences.ProfileOrgs, config.Preferences.DefaultOrg);
        var region = ResolveSelector(context, ResolvedSettings.Fields.Region, args.Region, SpotEnvironmentVariables.Region, profileName, profile.Region,
            PreferenceKeys.ProfileRegion(profileName), PreferenceKeys.DefaultRegion, config.Preferences.ProfileRegions, config.Preferences.DefaultRegion);

        string Simple(string field, string? argument, IReadOnlyList<string> variables, string? fromProfile, string fallback) =>
            context.Pick(field, argument, variables, (fromProfile, profileSource), (fallback, BuiltIn))!;

        var timeoutSeconds = context.PickParsed(ResolvedSettings.Fields.RequestTimeout, args.RequestTimeout?.TotalSeconds,
            SpotEnvironmentVariables.RequestTimeout, ScalarConverter.ToDouble, (profile.RequestTimeoutSeconds, profileSource), 30.0);
        if (timeoutSeconds <= 0)
        {
            throw new SpotConfigurationException($"request timeout (from {context.Sources[ResolvedSettings.Fields.RequestTimeout]}) must be greater than 0", loaded.Path);
        }

        return new ResolvedSettings
        {
            ProfileName = profileName,
            Org = org,
            OrgId = context.Pick(ResolvedSettings.Fields.OrgId, args.OrgId, SpotEnvironmentVariables.OrgId, (profile.OrgId, profileSource)),
            Region = region,
            ClientId = Simple(ResolvedSettings.Fields.ClientId, args.ClientId, SpotEnvironmentVariables.ClientId, profile.ClientId, SpotDefaults.ClientId),
            RefreshToken = context.Pick(ResolvedSettings.Fields.RefreshToken, args.RefreshToken, SpotEnvironmentVariables.RefreshToken, (profile.RefreshToken, profileSource)),
            AccessToken = context.Pick(ResolvedSettings.Fields.AccessToken, args.AccessToken, SpotEnvironmentVariables.AccessToken, (profile.AccessToken, profileSource)),
            BaseUrl = context.RequireUrl(ResolvedSettings.Fields.BaseUrl, Simple(ResolvedSettings.Fields.BaseUrl, args.BaseUrl, SpotEnvironmentVariables.BaseUrl, profile.BaseUrl, SpotDefaults.BaseUrl)),
            OAuthUrl = context.RequireUrl(ResolvedSettings.Fields.OAuthUrl, Simple(ResolvedSettings.Fields.OAuthUrl, args.OAuthUrl, SpotEnvironmentVariables.OAuthUrl, profile.OAuthUrl, SpotDefaults.OAuthUrl)),
            RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            VerifySsl = context.PickParsed(ResolvedSettings.Fields.VerifySsl, args.VerifySsl, SpotEnvironmentVariables.VerifySsl, ScalarConverter.ToBool, (profile.VerifySsl, profileSource), true),
            Retry = ResolveRetry(context, profile, profileSource),
            Cache = ResolveCache(context, profile, profileSource),
            StatePath = ResolveStatePath(context),
            ConfigPath = loaded.Path,
            ConfigSource = loaded.SourceName,
            Sources = context.Sources,
            Warnings = context.Warnings,
        };
    }

    /// <summary>org and region share one ladder: argument, env, state per-profile, state default, file per-profile, profile, file default.</summary>
    private static string? ResolveSelector(
        ResolutionContext context, string field, string? argument, IReadOnlyList<string> variables, string profileName, string? profileValue,
        string statePerProfileKey, string stateDefaultKey, IDictionary<string, string> filePerProfile, string? fileDefault)
    {
        var fileKey = field == ResolvedSettings.Fields.Org ? "orgs" : "regions";
        return context.Pick(field, argument, variables,
            State(context.State, statePerProfileKey),
            State(context.State, stateDefaultKey),
            (Lookup(filePerProfile, profileName), $"config:preferences.profile_{fileKey}.{profileName}"),
            (profileValue, $"profile:{profileName}"),
            (fileDefault, $"config:preferences.default_{field}"));
    }

    private static (string Name, ProfileConfig Profile) SelectProfile(ResolutionContext context)
    {
        var config = context.Loaded.Config;
        var name = context.Pick(ResolvedSettings.Fields.Profile, context.Arguments.Profile, SpotEnvironmentVariables.Profile,
            State(context.State, PreferenceKeys.DefaultProfile),
            (config.Preferences.DefaultProfile, "config:preferences.default_profile"),
            (config.DefaultProfile, "config:default_profile"),
            (config.ActiveProfile, "config:active_profile"),
            (SpotDefaults.ProfileName, BuiltIn))!;
        var source = context.Sources[ResolvedSettings.Fields.Profile];

        if (source.StartsWith("state:", StringComparison.Ordinal) && config.ActiveProfile is { } active && active != name)
        {
            context.Warnings.Add($"state.db default_profile '{name}' overrides the config file's active profile '{active}'; run 'rsspot profiles use {active}' to switch back");
        }

        if (config.Profiles.TryGetValue(name, out var profile))
        {
            return (name, profile);
        }

        var mayBeAbsent = source == BuiltIn || (name == SpotDefaults.ProfileName && config.Profiles.Count == 0);
        if (mayBeAbsent)
        {
            return (name, new ProfileConfig());
        }

        var file = context.Loaded.Path ?? "the runtime configuration";
        throw new SpotConfigurationException(
            $"profile '{name}' (from {source}) not found in {file}; run 'rsspot configure --profile {name}'", context.Loaded.Path);
    }

    private static RetryOptions ResolveRetry(ResolutionContext context, ProfileConfig profile, string profileSource)
    {
        var retry = new RetryOptions();
        context.MarkAll(RetryFields, ResolvedSettings.Fields.Retry, BuiltIn);
        void Layer(RetryConfig? block, string source) => block?.ApplyTo(retry, field => context.Sources[ResolvedSettings.Fields.Retry(field)] = source);

        Layer(context.Loaded.Config.Retry, "config:retry");
        Layer(RetryConfig.FromLegacy(profile.MaxRetries, profile.RetryBackoffFactor), profileSource);
        Layer(profile.Retry, profileSource);
        if (context.Parsed(SpotEnvironmentVariables.MaxRetries, ScalarConverter.ToInt) is var (retriesVariable, retries))
        {
            Layer(RetryConfig.FromLegacy(ResolutionContext.NonNegative(retries, retriesVariable), null), $"env:{retriesVariable}");
        }

        if (context.Parsed(SpotEnvironmentVariables.RetryBackoffFactor, ScalarConverter.ToDouble) is var (factorVariable, factor))
        {
            Layer(RetryConfig.FromLegacy(null, ResolutionContext.NonNegative(factor, factorVariable)), $"env:{factorVariable}");
        }

        if (context.Arguments.Retry is { } explicitRetry)
        {
            retry = explicitRetry.Clone();
            context.MarkAll(RetryFields, ResolvedSettings.Fields.Retry, Argument);
        }

        Layer(RetryConfig.FromLegacy(context.Arguments.MaxRetries, null), Argument);
        Layer(RetryConfig.FromLegacy(null, context.Arguments.RetryBackoffFactor), Argument);
        return retry;
    }

    private static CacheOptions ResolveCache(ResolutionContext context, ProfileConfig profile, string profileSource)
    {
        if (context.Arguments.Cache is { } explicitCache)
        {
            context.MarkAll(CacheFields, ResolvedSettings.Fields.Cache, Argument);
            return explicitCache.Clone();
        }

        var cache = new CacheOptions();
        context.MarkAll(CacheFields, ResolvedSettings.Fields.Cache, BuiltIn);
        context.Loaded.Config.Cache?.ApplyTo(cache, field => context.Sources[ResolvedSettings.Fields.Cache(field)] = "config:cache");
        profile.Cache?.ApplyTo(cache, field => context.Sources[ResolvedSettings.Fields.Cache(field)] = profileSource);
        return cache;
    }

    private static string ResolveStatePath(ResolutionContext context)
    {
        var (path, source) = StatePathFor(context.Loaded, context.Arguments.StatePath, context.Environment);
        context.Sources[ResolvedSettings.Fields.StatePath] = source;
        return path;
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
        if (explicitPath is { Length: > 0 })
        {
            return (environment.ExpandPath(explicitPath), Argument);
        }

        if (loaded.Config.StatePath is { Length: > 0 } configured)
        {
            return (environment.ExpandPath(configured, configDirectory), "config:state_path");
        }

        return configDirectory is not null
            ? (Path.Combine(configDirectory, "state.db"), "config-directory")
            : (ConfigPaths.DefaultStateFile(environment), BuiltIn);
    }

    private static string? Lookup(IDictionary<string, string> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    private static (string? Value, string Source) State(IPreferenceReader? state, string key) =>
        (state?.GetPreference(key) is { Length: > 0 } value ? value : null, $"state:{key}");
}
