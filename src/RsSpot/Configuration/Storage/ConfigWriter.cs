namespace RsSpot.Configuration;

/// <summary>
/// Saves configuration files atomically and privately (see <see cref="Internal.IO.PrivateFile"/>): a crash or failure
/// at any point leaves either the old file or the new one, never a truncated file and never a world-readable secret.
/// </summary>
public static class ConfigWriter
{
    /// <summary>
    /// Writes <paramref name="config"/> to <paramref name="path"/> in the format its extension selects (YAML when it
    /// has none), creating missing directories (mode 0700).
    /// </summary>
    /// <exception cref="SpotConfigurationException">The extension is unsupported, the configuration is invalid, or the file cannot be written.</exception>
    public static void Save(SpotConfig config, string path) => Save(config, path, beforeReplace: null);

    /// <summary>Test seam: <paramref name="beforeReplace"/> runs with the temporary file's path just before the rename.</summary>
    internal static void Save(SpotConfig config, string path, Action<string>? beforeReplace)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var format = ConfigFormats.ForSaving(fullPath);
        var text = ConfigSerializer.Serialize(config, format);

        // Refuse to write what could not be read back (e.g. a negative timeout set through the API).
        ConfigSerializer.Parse(text, format, fullPath);
        WriteAtomically(fullPath, text, beforeReplace);
    }

    private static void WriteAtomically(string path, string text, Action<string>? beforeReplace)
    {
        try
        {
            Internal.IO.PrivateFile.Write(path, text, beforeReplace);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpotConfigurationException($"cannot write config file '{path}': {ex.Message}", path, ex);
        }
    }
}
