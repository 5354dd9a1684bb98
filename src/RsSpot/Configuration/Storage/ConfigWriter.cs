using System.Text;

namespace RsSpot.Configuration;

/// <summary>
/// Saves configuration files atomically and privately: the text goes to a temporary file created with mode 0600
/// in the target's directory, is flushed to disk, and then renamed over the target. A crash or failure at any
/// point leaves either the old file or the new one, never a truncated file and never a world-readable secret.
/// </summary>
public static class ConfigWriter
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

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
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            CreateDirectory(directory);
            using (var stream = new FileStream(temporary, PrivateCreateOptions()))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            beforeReplace?.Invoke(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpotConfigurationException($"cannot write config file '{path}': {ex.Message}", path, ex);
        }
        finally
        {
            // After a successful rename the temporary name no longer exists; after a failure it must not linger.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static FileStreamOptions PrivateCreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }

        return options;
    }

    private static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, PrivateDirectory);
        }
    }
}
