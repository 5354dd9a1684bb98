namespace RsSpot.Configuration;

/// <summary>
/// Chooses and reads the configuration, first match wins (<see cref="ConfigSource"/>): runtime, explicit path, variable, default
/// path, legacy file (migrated once), else empty. A bad location is an error naming the path, never a silent empty configuration:
/// a named file that does not exist, an empty explicit path, a directory or an unreadable entry where a file is looked for.
/// </summary>
internal static class ConfigLoader
{
    /// <summary>Loads the configuration <paramref name="request"/> (null: discovery only) and <paramref name="environment"/> (null: the process's) select.</summary>
    public static LoadedConfig Load(ConfigLoadRequest? request = null, ConfigEnvironment? environment = null)
    {
        request ??= new ConfigLoadRequest();
        environment ??= ConfigEnvironment.FromProcess();
        if (request.Config is { } runtime)
        {
            return new LoadedConfig(ConfigSource.Runtime, null, runtime);
        }

        if (request.ConfigPath is { } named)
        {
            var path = string.IsNullOrWhiteSpace(named)
                ? throw new SpotConfigurationException($"config path '{named}' (from -c/config path) is empty; name a file or leave the option out")
                : environment.ExpandPath(named);
            return new LoadedConfig(ConfigSource.ExplicitPath, path, ReadFile(path, request.AllowMissingFile, "-c/config path"));
        }

        if (environment.FirstOf(ConfigEnvironment.ConfigFileVariables) is var (variable, value))
        {
            var path = environment.ExpandPath(value);
            return new LoadedConfig(ConfigSource.Environment, path, ReadFile(path, request.AllowMissingFile, variable), variable);
        }

        if (environment.DefaultConfigFiles.FirstOrDefault(IsPresent) is { } defaultPath)
        {
            return new LoadedConfig(ConfigSource.DefaultPath, defaultPath, ReadFile(defaultPath, allowMissing: false, "default path"));
        }

        var (target, legacy) = (environment.DefaultConfigFiles[0], environment.LegacyConfigFile);
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
    internal static SpotConfig ReadFile(string path, bool allowMissing, string namedBy = "config path")
    {
        if (!IsPresent(path))
        {
            return allowMissing
                ? new SpotConfig()
                : throw new SpotConfigurationException(
                    $"config file '{path}' (from {namedBy}) does not exist; run 'rsspot configure' or fix the path", path, new FileNotFoundException(null, path));
        }

        RequireFile(path, namedBy);
        return ConfigSerializer.ReadFile(path);
    }

    // A dangling symbolic link is present too: reading it then fails with an error instead of being skipped.
    private static bool IsPresent(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static void RequireFile(string path, string namedBy)
    {
        if (Directory.Exists(path))
        {
            throw new SpotConfigurationException($"config file '{path}' (from {namedBy}) is a directory; name a file or remove the directory", path);
        }

        if (new FileInfo(path).LinkTarget is { } target && File.ResolveLinkTarget(path, returnFinalTarget: true) is { Exists: false })
        {
            throw new SpotConfigurationException($"config file '{path}' (from {namedBy}) is a link to '{target}', which does not exist; fix or remove the link", path);
        }
    }
}

/// <summary>
/// Migrates the legacy <c>~/.spot_config</c> (any format) once to the canonical file, every key kept (W1, W12), locked, atomic
/// and 0600. The legacy file is left untouched and, the canonical file existing, never read again.
/// </summary>
internal static class LegacyMigrator
{
    /// <summary>Migrates under the target's lock; null when the target exists (another process migrated first). A malformed legacy file writes nothing.</summary>
    internal static SpotConfig? MigrateUnlessDone(string legacyPath, string targetPath)
    {
        using var held = ConfigWriter.Lock(targetPath);
        if (File.Exists(targetPath))
        {
            return null;
        }

        var config = ConfigSerializer.ReadFile(legacyPath);
        config.Version = SpotConfig.CurrentVersion;
        ConfigWriter.WriteLocked(config, targetPath);
        return config;
    }
}
