namespace RsSpot.Configuration;

/// <summary>
/// Every write of a configuration file: under the file's exclusive lock (<see cref="ConfigFileLock"/>), atomic and
/// private (<see cref="Internal.IO.PrivateFile"/>: a 0600 temporary file renamed over the target). A crash leaves the
/// old file or the new one, and concurrent writers never lose each other's changes.
/// </summary>
public static class ConfigWriter
{
    /// <summary>Writes <paramref name="config"/> in the format the extension selects (YAML when none), creating directories (0700).</summary>
    /// <exception cref="SpotConfigurationException">The extension is unsupported, the configuration invalid, or the file cannot be locked or written.</exception>
    public static void Save(SpotConfig config, string path) => Save(config, path, beforeReplace: null);

    /// <summary>
    /// Reads <paramref name="path"/> (empty when missing), applies <paramref name="change"/> and saves, all under the
    /// file's lock, so concurrent changes apply one after the other. A file that fails to parse is never overwritten.
    /// </summary>
    /// <returns>What <paramref name="change"/> returned.</returns>
    /// <exception cref="SpotConfigurationException">The file is malformed, the change invalid, or the file cannot be locked or written.</exception>
    public static T Update<T>(string path, Func<SpotConfig, T> change)
    {
        using var held = ConfigFileLock.Acquire(path);
        var config = ConfigLoader.ReadFile(path, allowMissing: true);
        var result = change(config);
        WriteLocked(config, path, beforeReplace: null);
        return result;
    }

    /// <summary>Test seam: <paramref name="beforeReplace"/> runs with the temporary file's path just before the rename.</summary>
    internal static void Save(SpotConfig config, string path, Action<string>? beforeReplace)
    {
        using var held = ConfigFileLock.Acquire(path);
        WriteLocked(config, path, beforeReplace);
    }

    /// <summary>Writes while the caller holds the lock; refuses what could not be read back.</summary>
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
