namespace RsSpot.Configuration;

/// <summary>
/// Every write of a configuration file: under the file's exclusive lock (<see cref="ConfigFileLock"/>), atomically
/// and privately (<see cref="Internal.IO.PrivateFile"/>: a temporary 0600 file renamed over the target). A crash
/// leaves the old file or the new one, never half of one; concurrent writers never lose each other's changes.
/// </summary>
public static class ConfigWriter
{
    /// <summary>
    /// Writes <paramref name="config"/> to <paramref name="path"/> in the format its extension selects (YAML when it
    /// has none), creating missing directories (mode 0700).
    /// </summary>
    /// <exception cref="SpotConfigurationException">The extension is unsupported, the configuration is invalid, or the file cannot be written.</exception>
    public static void Save(SpotConfig config, string path) => Save(config, path, beforeReplace: null);

    /// <summary>
    /// Reads <paramref name="path"/> (an empty configuration when it does not exist), applies <paramref name="change"/>
    /// and saves the result, all under the file's lock, so concurrent changes are applied one after the other.
    /// A file that fails to parse is reported and never overwritten.
    /// </summary>
    /// <returns>What <paramref name="change"/> returned.</returns>
    /// <exception cref="SpotConfigurationException">The file is malformed, the change is invalid, or the file cannot be locked or written.</exception>
    public static T Update<T>(string path, Func<SpotConfig, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var held = ConfigFileLock.Acquire(path);
        var config = ConfigLoader.ReadFile(path, allowMissing: true);
        var result = change(config);
        WriteLocked(config, path, beforeReplace: null);
        return result;
    }

    /// <summary>Test seam: <paramref name="beforeReplace"/> runs with the temporary file's path just before the rename.</summary>
    internal static void Save(SpotConfig config, string path, Action<string>? beforeReplace)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        using var held = ConfigFileLock.Acquire(path);
        WriteLocked(config, path, beforeReplace);
    }

    /// <summary>Writes while the caller holds the file's lock; refuses what could not be read back.</summary>
    internal static void WriteLocked(SpotConfig config, string path, Action<string>? beforeReplace)
    {
        var fullPath = Path.GetFullPath(path);
        var text = ConfigSerializer.Serialize(config, ConfigFormats.ForSaving(fullPath));
        ConfigSerializer.Validate(config, fullPath);
        try
        {
            Internal.IO.PrivateFile.Write(fullPath, text, beforeReplace);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpotConfigurationException($"cannot write config file '{fullPath}': {ex.Message}", fullPath, ex);
        }
    }
}
