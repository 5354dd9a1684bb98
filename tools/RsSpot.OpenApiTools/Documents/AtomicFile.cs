namespace RsSpot.OpenApiTools.Documents;

/// <summary>Replaces files atomically, so a crash or a concurrent reader never sees half a document.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to a temporary file next to <paramref name="path"/>, then renames it over it.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes UTF-8 text (no byte-order mark) atomically.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, new System.Text.UTF8Encoding(false).GetBytes(text));
}
