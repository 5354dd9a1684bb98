using System.Diagnostics;

namespace RsSpot.Configuration;

/// <summary>
/// An exclusive, cross-process lock on one configuration file, held around every read-modify-write of it: a
/// <c>NAME.lock</c> file beside it, opened with <see cref="FileShare.None"/> (an advisory <c>flock</c> on Unix,
/// released by the kernel if the process dies). Waiting is bounded; a lock still held after the wait is an error
/// that names the file rather than a silent lost update.
/// </summary>
internal sealed class ConfigFileLock : IDisposable
{
    /// <summary>How long a writer waits for another one to finish before giving up.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly FileStream _stream;

    private ConfigFileLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of <paramref name="configPath"/>, creating its directory (0700) and lock file (0600) if needed.</summary>
    /// <exception cref="SpotConfigurationException">The lock is still held after <paramref name="timeout"/>, or cannot be created.</exception>
    public static ConfigFileLock Acquire(string configPath, TimeSpan? timeout = null)
    {
        var lockPath = Path.GetFullPath(configPath) + ".lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Internal.IO.PrivateFile.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                return new ConfigFileLock(new FileStream(lockPath, options));
            }
            catch (IOException) when (waited.Elapsed < (timeout ?? DefaultTimeout) && !Directory.Exists(lockPath))
            {
                Thread.Sleep(Random.Shared.Next(5, 25));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SpotConfigurationException(
                    $"cannot lock config file '{configPath}' for writing ({lockPath}): {ex.Message}; another rsspot may still be changing it", configPath, ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
