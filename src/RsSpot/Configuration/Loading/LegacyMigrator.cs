namespace RsSpot.Configuration;

/// <summary>
/// Migrates the legacy <c>~/.spot_config</c> (flat or profiled; TOML, YAML or JSON, auto-detected) to the canonical
/// file. Unlike the reference (W1, W12): tokens are written for real, every key is kept, credentials land under the
/// profile the file selects, the result is version "2", and the write is atomic, locked and mode 0600. The legacy
/// file is left untouched; because the canonical file then exists, it is never read again.
/// </summary>
public static class LegacyMigrator
{
    /// <summary>Reads <paramref name="legacyPath"/>, saves it to <paramref name="targetPath"/> and returns the migrated configuration.</summary>
    /// <exception cref="SpotConfigurationException">The target exists, the legacy file is malformed (nothing is written then), or the target cannot be written.</exception>
    public static SpotConfig Migrate(string legacyPath, string targetPath) => MigrateUnlessDone(legacyPath, targetPath)
        ?? throw new SpotConfigurationException($"cannot migrate '{legacyPath}': '{targetPath}' already exists and would be overwritten", targetPath);

    /// <summary>Migrates under the target's lock; null when the target exists (another process migrated first).</summary>
    internal static SpotConfig? MigrateUnlessDone(string legacyPath, string targetPath)
    {
        ArgumentNullException.ThrowIfNull(legacyPath);
        ArgumentNullException.ThrowIfNull(targetPath);
        using var held = ConfigFileLock.Acquire(targetPath);
        if (File.Exists(targetPath))
        {
            return null;
        }

        var config = ConfigSerializer.ReadFile(legacyPath);
        config.Version = SpotConfig.CurrentVersion;
        ConfigWriter.WriteLocked(config, targetPath, beforeReplace: null);
        return config;
    }
}
