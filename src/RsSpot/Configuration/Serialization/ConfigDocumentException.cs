namespace RsSpot.Configuration;

/// <summary>A problem found in a document before its file is known (<see cref="ConfigSerializer"/> adds it): a syntax or a schema error.</summary>
internal sealed class ConfigDocumentException(string message, int? line = null, Exception? innerException = null) : Exception(message, innerException)
{
    public int? Line { get; } = line;

    public bool IsSyntaxError { get; private init; }

    /// <summary>For a bad value found while binding: what follows its key in the path (a list index or map key).</summary>
    public string Suffix { get; private init; } = string.Empty;

    public static ConfigDocumentException Syntax(string message, int? line = null, Exception? inner = null) => new(message, line, inner) { IsSyntaxError = true };

    public static ConfigDocumentException BadValue(string suffix, string problem) => new(problem) { Suffix = suffix };
}
