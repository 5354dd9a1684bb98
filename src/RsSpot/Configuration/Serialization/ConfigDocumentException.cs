namespace RsSpot.Configuration;

/// <summary>
/// A problem found in a document before its file is known. <see cref="ConfigSerializer"/> turns it into a
/// <see cref="SpotConfigurationException"/> that names the file.
/// </summary>
internal sealed class ConfigDocumentException : Exception
{
    public ConfigDocumentException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>True for syntax errors ("failed to parse"), false for schema errors ("invalid config structure").</summary>
    public bool IsSyntaxError { get; init; }

    public static ConfigDocumentException Syntax(string message, Exception? inner = null) => new(message, inner) { IsSyntaxError = true };

    public static ConfigDocumentException Structure(string path, string message) =>
        new(string.IsNullOrEmpty(path) ? message : $"{path}: {message}");
}
