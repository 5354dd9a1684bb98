namespace RsSpot.Configuration;

/// <summary>
/// Every write of a configuration file: under the file's exclusive lock (<see cref="Internal.IO.FileLock"/>), atomic and
/// private (<see cref="Internal.IO.PrivateFile"/>: a 0600 temporary file renamed over the target, directories 0700). A crash
/// leaves the old file or the new one, and concurrent writers never lose each other's changes.
/// </summary>
internal static class ConfigWriter
{
    private const int MaxAttempts = 5;

    /// <summary>Writes <paramref name="config"/> in the format the extension selects (YAML when none); <paramref name="beforeReplace"/> is a test seam run before the rename.</summary>
    public static void Save(SpotConfig config, string path, Action<string>? beforeReplace = null)
    {
        using var held = Lock(path);
        WriteLocked(config, path, beforeReplace);
    }

    /// <summary>
    /// Reads <paramref name="path"/> (empty when missing), applies <paramref name="change"/> and saves the result, all under the
    /// lock, so concurrent changes apply one after the other. A file that fails to parse is never overwritten. Editors do not
    /// take the lock, so a file saved by hand meanwhile is noticed just before the rename and the change is applied again
    /// over it (<paramref name="change"/> may run more than once).
    /// </summary>
    public static SpotConfig Update(string path, Action<SpotConfig> change)
    {
        using var held = Lock(path);
        for (var attempt = 1; ; attempt++)
        {
            var read = Contents(path);
            var config = ConfigLoader.ReadFile(path, allowMissing: true);
            change(config);
            try
            {
                WriteLocked(config, path, _ => RefuseIfEdited(path, read));
                return config;
            }
            catch (EditedMeanwhileException) when (attempt < MaxAttempts)
            {
            }
            catch (EditedMeanwhileException)
            {
                throw new SpotConfigurationException($"config file '{path}' kept changing while rsspot was updating it; nothing was written, try again", path);
            }
        }
    }

    /// <summary>Takes the lock of <paramref name="path"/> until disposed; a lock that cannot be taken is a configuration error naming the file.</summary>
    internal static IDisposable Lock(string path)
    {
        try
        {
            return Internal.IO.FileLock.Acquire(path + ".lock", Internal.IO.FileLock.DefaultTimeout);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpotConfigurationException($"cannot lock config file '{path}' for writing: {ex.Message}", path, ex);
        }
    }

    /// <summary>Writes while the caller holds the lock; refuses what could not be read back.</summary>
    internal static void WriteLocked(SpotConfig config, string path, Action<string>? beforeReplace = null)
    {
        var fullPath = Path.GetFullPath(path);
        var text = ConfigSerializer.Serialize(config, ConfigSerializer.FormatOf(fullPath) ?? ConfigFormat.Yaml);
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

    private static byte[] Contents(string path) => File.Exists(path) ? File.ReadAllBytes(path) : [];

    private static void RefuseIfEdited(string path, byte[] read)
    {
        if (!Contents(path).AsSpan().SequenceEqual(read))
        {
            throw new EditedMeanwhileException();
        }
    }

    private sealed class EditedMeanwhileException : Exception;
}
