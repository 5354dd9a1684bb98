namespace RsSpot.Configuration;

/// <summary>
/// A problem found in a document before its file is known. <see cref="ConfigSerializer"/> turns it into a
/// <see cref="SpotConfigurationException"/> that names the file and, when known, the line.
/// </summary>
internal sealed class ConfigDocumentException(string message, int? line = null, Exception? innerException = null) : Exception(message, innerException)
{
    public int? Line { get; } = line;

    /// <summary>True for syntax errors ("failed to parse"), false for schema errors ("invalid config structure").</summary>
    public bool IsSyntaxError { get; private init; }

    public static ConfigDocumentException Syntax(string message, int? line = null, Exception? inner = null) =>
        new(message, line, inner) { IsSyntaxError = true };

    public static ConfigDocumentException Structure(string path, string message, int? line = null) =>
        new(string.IsNullOrEmpty(path) ? message : $"{path}: {message}", line);
}
