namespace RsSpot.Internal.IO;

/// <summary>
/// An exclusive lock between processes (and between threads of one process) held on a lock file: the file is opened
/// with <see cref="FileShare.None"/>, which .NET maps to an advisory <c>flock</c> on Unix and a share mode on Windows.
/// The kernel releases it when the holder exits, even by kill -9, so a crashed holder never blocks the next one.
/// </summary>
internal sealed class FileLock : IDisposable
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits until the lock on <paramref name="path"/> is free and takes it.</summary>
    /// <param name="path">Lock file (created, mode 0600, when missing; its content is never read).</param>
    /// <param name="timeout">Longest wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="TimeoutException">Another holder kept the lock for longer than <paramref name="timeout"/>.</exception>
    public static async Task<FileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pause = FirstPause;
        while (true)
        {
            if (TryOpen(path) is { } stream)
            {
                return new FileLock(stream);
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"'{path}' stayed locked by another rsspot process for {timeout.TotalSeconds:0.#} s");
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>The synchronous twin of <see cref="AcquireAsync"/>, for callers that cannot await.</summary>
    public static FileLock Acquire(string path, TimeSpan timeout) =>
        AcquireAsync(path, timeout, CancellationToken.None).GetAwaiter().GetResult();

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
