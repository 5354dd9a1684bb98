using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RsSpot.Internal.IO;

/// <summary>
/// Writes files that may hold secrets (configuration, kubeconfigs) atomically and privately: the text goes to a
/// temporary file created with mode 0600 in the target's directory (named <c>.NAME.PID.RANDOM.tmp</c>), is flushed
/// to disk, then renamed over the target. Readers see the old file or the new one, never half of one, and the
/// secret never exists with wider permissions. A writer killed before the rename leaves its temporary file behind;
/// the next write to the same target removes such leftovers (their process is gone, or they are too old to belong
/// to a writer still running). A symbolic link is followed: its final target is the file replaced.
/// </summary>
internal static class PrivateFile
{
    /// <summary>A temporary file older than this belongs to no live writer even when its process id was reused.</summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, creating missing directories with mode 0700.</summary>
    /// <param name="path">Target file.</param>
    /// <param name="text">Content (UTF-8, no byte-order mark).</param>
    /// <param name="beforeReplace">Test seam: runs with the temporary file's path just before the rename.</param>
    /// <exception cref="IOException">The file cannot be written (the message names the path).</exception>
    /// <exception cref="UnauthorizedAccessException">The directory or file is not writable.</exception>
    public static void Write(string path, string text, Action<string>? beforeReplace = null)
    {
        // A symbolic link (dotfiles kept in a repository) is written where it points: renaming over the link would
        // turn it into a regular file and leave the user's own copy behind, unchanged.
        var fullPath = Path.GetFullPath(path);
        if (new FileInfo(fullPath).LinkTarget is not null)
        {
            fullPath = File.ResolveLinkTarget(fullPath, returnFinalTarget: true)!.FullName;
        }

        if (Directory.Exists(fullPath))
        {
            throw new IOException($"'{fullPath}' is a directory, not a file");
        }

        var directory = Path.GetDirectoryName(fullPath)!;
        CreateDirectory(directory);
        RemoveStaleTemporaries(fullPath);
        var temporary = Path.Combine(directory, $"{TemporaryPrefix(fullPath)}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions()))
            {
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            beforeReplace?.Invoke(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            // After the rename the temporary name is gone; after a failure it must not linger.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The leftovers of earlier writers of <paramref name="fullPath"/> that no live writer owns.</summary>
    internal static IEnumerable<string> StaleTemporaries(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var prefix = TemporaryPrefix(fullPath);
        return Directory.EnumerateFiles(directory, prefix + "*.tmp").Where(file => IsStale(Path.GetFileName(file)[prefix.Length..], file));
    }

    private static void RemoveStaleTemporaries(string fullPath)
    {
        foreach (var file in StaleTemporaries(fullPath))
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another writer removed it first, or it is not ours to remove: either way the write goes on.
            }
        }
    }

    private static string TemporaryPrefix(string fullPath) => $".{Path.GetFileName(fullPath)}.";

    /// <summary>"PID.RANDOM.tmp" (or an older "RANDOM.tmp") is stale when PID is not running or the file is old.</summary>
    private static bool IsStale(string suffix, string file)
    {
        if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleAfter)
        {
            return true;
        }

        var parts = suffix.Split('.');
        return parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !IsRunning(pid);
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }

    /// <summary>Creates the directory (and its parents) with mode 0700 when it is missing.</summary>
    internal static void CreateDirectory(string directory)
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
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }
}
