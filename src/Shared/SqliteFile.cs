using System.Globalization;
using System.Text;

namespace RsSpot.Internal.IO;

/// <summary>
/// File-system side of the sqlite files rsspot keeps (state.db, sandbox.db): private permissions from creation, header
/// sniffing, moving a bad file aside. Compiled into both the SDK and the emulator (linked source), which share no
/// assembly.
/// </summary>
internal static class SqliteFile
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly string[] Companions = ["-wal", "-shm", "-journal"];

    /// <summary>Creates the parent directory (0700) and an empty database file (0600) unless it exists.</summary>
    public static void EnsureCreated(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, PrivateDirectory);
            }
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a directory, not a file; move it away or point rsspot at another file");
        }

        if (File.Exists(path))
        {
            return; // the usual case, without the exception CreateNew would throw
        }

        try
        {
            // CreateNew + UnixCreateMode: the file never exists with wider permissions, even for a moment.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFile;
            }

            using var _ = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process or thread created it first; that is fine.
        }
    }

    /// <summary>Tightens the database and its WAL/SHM companions to 0600 (sqlite creates those itself).</summary>
    public static void RestrictPermissions(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in Companions.Select(suffix => path + suffix).Prepend(path))
        {
            try
            {
                if (File.Exists(file) && File.GetUnixFileMode(file) != PrivateFile)
                {
                    File.SetUnixFileMode(file, PrivateFile);
                }
            }
            catch (IOException)
            {
                // A companion can vanish between the check and the chmod when the last connection closes.
            }
        }
    }

    /// <summary>Returns a reason when the file is clearly not a sqlite database; an empty file is a new database.</summary>
    public static string? SniffHeader(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0)
        {
            return null;
        }

        var header = new byte[SqliteHeader.Length];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return read == header.Length && header.AsSpan().SequenceEqual(SqliteHeader) ? null : "it is not a sqlite database";
    }

    /// <summary>
    /// Renames the file (and its companions) to <c>&lt;name&gt;.&lt;label&gt;-&lt;UTC timestamp&gt;</c>; nothing is deleted.
    /// Returns null when another process already moved it.
    /// </summary>
    public static string? MoveAside(string path, DateTimeOffset now, string label)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{path}.{label}-{stamp}";
        for (var n = 2; File.Exists(target); n++)
        {
            target = $"{path}.{label}-{stamp}-{n}";
        }

        try
        {
            File.Move(path, target);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        foreach (var suffix in Companions)
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, target + suffix);
            }
        }

        return target;
    }
}
