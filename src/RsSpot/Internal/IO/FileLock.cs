using System.Diagnostics;

namespace RsSpot.Internal.IO;

/// <summary>
/// An exclusive, cross-process lock on one file, held around a read-modify-write of it: a <c>NAME.lock</c> file
/// beside it (mode 0600) opened with <see cref="FileShare.None"/>, which is an advisory <c>flock</c> on Unix that the
/// kernel releases if the process dies. The wait is bounded: a lock still held after it is an error naming the file,
/// never a silent lost update.
/// </summary>
internal sealed class FileLock(FileStream held) : IDisposable
{
    // Generous: under load a queue of cold-started writers can take a while, and a failed write costs more than a wait.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Takes the lock of <paramref name="path"/>, creating its directory (0700) and lock file when missing.</summary>
    /// <exception cref="IOException">The lock is still held after <paramref name="timeout"/>, or cannot be created (the message names the file).</exception>
    /// <exception cref="UnauthorizedAccessException">The lock file cannot be created or opened.</exception>
    public static FileLock Acquire(string path, TimeSpan? timeout = null)
    {
        var lockPath = Path.GetFullPath(path) + ".lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        for (var waited = Stopwatch.StartNew(); ; Thread.Sleep(Random.Shared.Next(5, 25)))
        {
            try
            {
                PrivateFile.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                return new FileLock(new FileStream(lockPath, options));
            }
            catch (IOException ex) when (waited.Elapsed >= (timeout ?? DefaultTimeout) || Directory.Exists(lockPath))
            {
                throw new IOException($"'{path}' stays locked by another process ({lockPath}): {ex.Message}", ex);
            }
            catch (IOException)
            {
                // Another writer holds it: try again shortly.
            }
        }
    }

    public void Dispose() => held.Dispose();
}
