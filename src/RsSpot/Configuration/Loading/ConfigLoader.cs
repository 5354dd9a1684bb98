namespace RsSpot.Configuration;

/// <summary>
/// Chooses and reads the configuration. Sources, first match wins: the runtime <see cref="ConfigLoadRequest.Config"/>;
/// the explicit <see cref="ConfigLoadRequest.ConfigPath"/>; RSSPOT_CONFIG, RSSPOT_CONFIG_FILE, SPOT_CONFIG_FILE;
/// <c>~/.config/rsspot/config.{yml,yaml,toml,json}</c>; the legacy <c>~/.spot_config</c> (migrated once, see
/// <see cref="LegacyMigrator"/>); otherwise an empty configuration. A bad location is an error naming the path, never
/// a silent empty configuration: a named file that does not exist, an empty explicit path, a directory or an
/// unreadable entry where a file is looked for.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads the configuration the request and environment select.</summary>
    /// <param name="request">What the caller supplied; null for pure discovery.</param>
    /// <param name="environment">Environment and home directory; null for the current process.</param>
    /// <exception cref="SpotConfigurationException">A location is bad, or the chosen file is malformed or invalid.</exception>
    public static LoadedConfig Load(ConfigLoadRequest? request = null, ConfigEnvironment? environment = null)
    {
        request ??= new ConfigLoadRequest();
        environment ??= ConfigEnvironment.FromProcess();
        if (request.Config is { } runtime)
        {
            return new LoadedConfig(ConfigSource.Runtime, null, runtime);
        }

        if (request.ConfigPath is { } explicitPath)
        {
            var path = string.IsNullOrWhiteSpace(explicitPath)
                ? throw new SpotConfigurationException($"config path '{explicitPath}' (from -c/config path) is empty; name a file or leave the option out")
                : environment.ExpandPath(explicitPath);
            return new LoadedConfig(ConfigSource.ExplicitPath, path, ReadNamedFile(path, "-c/config path", request.AllowMissingFile));
        }

        if (environment.FirstOf(ConfigPaths.ConfigFileVariables) is var (variable, value))
        {
            var path = environment.ExpandPath(value);
            return new LoadedConfig(ConfigSource.Environment, path, ReadNamedFile(path, variable, request.AllowMissingFile), variable);
        }

        if (ConfigPaths.DefaultCandidates(environment).FirstOrDefault(IsPresent) is { } defaultPath)
        {
            return new LoadedConfig(ConfigSource.DefaultPath, defaultPath, ReadNamedFile(defaultPath, "default path", allowMissing: false));
        }

        var target = ConfigPaths.DefaultConfigFile(environment);
        var legacy = ConfigPaths.LegacyConfigFile(environment);
        if (!IsPresent(legacy))
        {
            return new LoadedConfig(ConfigSource.DefaultEmpty, target, new SpotConfig());
        }

        RequireFile(legacy, "legacy path");
        return LegacyMigrator.MigrateUnlessDone(legacy, target) is { } migrated
            ? new LoadedConfig(ConfigSource.LegacyMigrated, target, migrated)
            : new LoadedConfig(ConfigSource.DefaultPath, target, ConfigSerializer.ReadFile(target)); // another process migrated first
    }

    /// <summary>Reads a file that must exist, or yields an empty configuration when it may be missing.</summary>
    internal static SpotConfig ReadFile(string path, bool allowMissing) => ReadNamedFile(path, "config path", allowMissing);

    /// <summary>Anything at <paramref name="path"/>, including a directory or a dangling symbolic link.</summary>
    private static bool IsPresent(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static SpotConfig ReadNamedFile(string path, string namedBy, bool allowMissing)
    {
        if (!IsPresent(path))
        {
            return allowMissing
                ? new SpotConfig()
                : throw new SpotConfigurationException($"config file '{path}' (from {namedBy}) does not exist; run 'rsspot configure' or fix the path", path);
        }

        RequireFile(path, namedBy);
        return ConfigSerializer.ReadFile(path);
    }

    private static void RequireFile(string path, string namedBy)
    {
        if (Directory.Exists(path))
        {
            throw new SpotConfigurationException($"config file '{path}' (from {namedBy}) is a directory; name a file or remove the directory", path);
        }
    }
}
