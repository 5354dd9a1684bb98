namespace RsSpot.Configuration;

/// <summary>
/// Chooses and reads the configuration. Sources, first match wins: the runtime <see cref="ConfigLoadRequest.Config"/>;
/// the explicit <see cref="ConfigLoadRequest.ConfigPath"/>; RSSPOT_CONFIG, RSSPOT_CONFIG_FILE, SPOT_CONFIG_FILE;
/// <c>~/.config/rsspot/config.{yml,yaml,toml,json}</c>; the legacy <c>~/.spot_config</c> (migrated once, see
/// <see cref="LegacyMigrator"/>); otherwise an empty configuration. A file named explicitly (path or variable) that
/// does not exist is an error, never a silent empty configuration.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads the configuration the request and environment select.</summary>
    /// <param name="request">What the caller supplied; null for pure discovery.</param>
    /// <param name="environment">Environment and home directory; null for the current process.</param>
    /// <exception cref="SpotConfigurationException">A named file is missing, or the chosen file is malformed or invalid.</exception>
    public static LoadedConfig Load(ConfigLoadRequest? request = null, ConfigEnvironment? environment = null)
    {
        request ??= new ConfigLoadRequest();
        environment ??= ConfigEnvironment.FromProcess();

        if (request.Config is { } runtime)
        {
            return new LoadedConfig(ConfigSource.Runtime, null, runtime);
        }

        if (!string.IsNullOrWhiteSpace(request.ConfigPath))
        {
            var path = environment.ExpandPath(request.ConfigPath);
            return new LoadedConfig(ConfigSource.ExplicitPath, path, ReadNamedFile(path, "-c/config path", request.AllowMissingFile));
        }

        if (environment.FirstOf(ConfigPaths.ConfigFileVariables) is var (variable, value))
        {
            var path = environment.ExpandPath(value);
            return new LoadedConfig(ConfigSource.Environment, path, ReadNamedFile(path, variable, request.AllowMissingFile), variable);
        }

        if (ConfigPaths.DefaultCandidates(environment).FirstOrDefault(File.Exists) is { } defaultPath)
        {
            return new LoadedConfig(ConfigSource.DefaultPath, defaultPath, ConfigSerializer.ReadFile(defaultPath));
        }

        var target = ConfigPaths.DefaultConfigFile(environment);
        var legacy = ConfigPaths.LegacyConfigFile(environment);
        if (File.Exists(legacy))
        {
            return new LoadedConfig(ConfigSource.LegacyMigrated, target, LegacyMigrator.Migrate(legacy, target));
        }

        return new LoadedConfig(ConfigSource.DefaultEmpty, target, new SpotConfig());
    }

    /// <summary>Reads a file that must exist, or yields an empty configuration when it may be missing.</summary>
    internal static SpotConfig ReadFile(string path, bool allowMissing) =>
        ReadNamedFile(path, "config path", allowMissing);

    private static SpotConfig ReadNamedFile(string path, string namedBy, bool allowMissing)
    {
        if (File.Exists(path))
        {
            return ConfigSerializer.ReadFile(path);
        }

        if (Directory.Exists(path))
        {
            throw new SpotConfigurationException($"config file '{path}' (from {namedBy}) is a directory; name a file", path);
        }

        if (allowMissing)
        {
            return new SpotConfig();
        }

        throw new SpotConfigurationException(
            $"config file '{path}' (from {namedBy}) does not exist; run 'rsspot configure' or fix the path", path);
    }
}
