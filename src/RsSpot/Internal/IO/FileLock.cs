namespace RsSpot.Internal.IO;

/// <summary>
/// An exclusive lock between processes (and between threads of one process) held on a lock file: the file is opened
/// with <see cref="FileShare.None"/>, which .NET maps to an advisory <c>flock</c> on Unix and a share mode on Windows.
/// The kernel releases it when the holder exits, even by kill -9, so a crashed holder never blocks the next one. The
/// wait is bounded: a lock still held after it is an error naming the file, never a silent lost update.
/// </summary>
internal sealed class FileLock : IDisposable
{
    /// <summary>Generous: under load a queue of cold-started writers can take a while, and a failed write costs more than a wait.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock on <paramref name="lockPath"/> is free and takes it.</summary>
    /// <param name="lockPath">Lock file (created with mode 0600, its directory with 0700, when missing; its content is never read).</param>
    /// <param name="timeout">Longest wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="IOException">Another holder kept the lock for longer than <paramref name="timeout"/>, or the lock file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The lock file cannot be created or opened.</exception>
    public static async Task<FileLock> AcquireAsync(string lockPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        lockPath = Path.GetFullPath(lockPath);
        PrivateFile.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var deadline = DateTime.UtcNow + timeout;
        var pause = FirstPause;
        while (true)
        {
            if (TryOpen(lockPath) is { } stream)
            {
                return new FileLock(stream);
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new IOException($"'{lockPath}' stayed locked by another rsspot process for {timeout.TotalSeconds:0.#} s");
            }

            // Jittered so that a queue of waiters does not retry in lockstep.
            await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 5)), cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>The synchronous twin of <see cref="AcquireAsync"/> (no synchronization context is involved).</summary>
    public static FileLock Acquire(string lockPath, TimeSpan timeout) =>
        AcquireAsync(lockPath, timeout, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose() => _stream.Dispose();

    private static FileStream? TryOpen(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path) && !Directory.Exists(path))
        {
            // Held by someone else (a sharing violation); anything else (a directory, no permission) is the caller's error.
            return null;
        }
    }
}
