using System.Diagnostics;

namespace RsSpot.Configuration;

/// <summary>
/// An exclusive, cross-process lock on one configuration file, held around every read-modify-write of it: a
/// <c>NAME.lock</c> file beside it opened with <see cref="FileShare.None"/> (an advisory <c>flock</c> on Unix,
/// released by the kernel if the process dies). The wait is bounded: a lock still held after it is an error naming
/// the file, never a silent lost update.
/// </summary>
internal sealed class ConfigFileLock(FileStream held) : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <exception cref="SpotConfigurationException">The lock is still held after <paramref name="timeout"/>, or cannot be created.</exception>
    public static ConfigFileLock Acquire(string configPath, TimeSpan? timeout = null)
    {
        var lockPath = Path.GetFullPath(configPath) + ".lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        for (var waited = Stopwatch.StartNew(); ; Thread.Sleep(Random.Shared.Next(5, 25)))
        {
            try
            {
                Internal.IO.PrivateFile.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                return new ConfigFileLock(new FileStream(lockPath, options));
            }
            catch (IOException) when (waited.Elapsed < (timeout ?? DefaultTimeout) && !Directory.Exists(lockPath))
            {
                // Another writer holds it: try again shortly.
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SpotConfigurationException($"cannot lock config file '{configPath}' for writing ({lockPath}): {ex.Message}; another rsspot may still be changing it", configPath, ex);
            }
        }
    }

    public void Dispose() => held.Dispose();
}
