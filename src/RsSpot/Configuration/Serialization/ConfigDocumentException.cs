using System.Text.RegularExpressions;

namespace RsSpot.Configuration;

/// <summary>A problem found in a document before its file is known (<see cref="ConfigSerializer"/> adds it): a syntax or a schema error.</summary>
internal sealed partial class ConfigDocumentException(string message, int? line = null, Exception? innerException = null) : Exception(message, innerException)
{
    public int? Line { get; } = line;

    public bool IsSyntaxError { get; private init; }

    /// <summary>For a bad value found while binding: what follows its key in the path (a list index or map key).</summary>
    public string Suffix { get; private init; } = string.Empty;

    public static ConfigDocumentException Syntax(string message, int? line = null, Exception? inner = null) => new(message, line, inner) { IsSyntaxError = true };

    /// <summary>
    /// "invalid TOML: ..." from a parser's exception, on one line and without the document's text: Tomlyn quotes what
    /// it stumbled on (`abc-123`) and Newtonsoft names the character ("parsing value: a."), and any value may be a
    /// secret. Quoted punctuation and token kinds stay; the line tells the user where to look.
    /// </summary>
    public static ConfigDocumentException Invalid(string format, Exception parserError, int? line) =>
        Syntax($"invalid {format}: {Quoted().Replace(NamedCharacter().Replace(parserError.Message.ReplaceLineEndings(" "), "$1."), Redact)}", line, parserError);

    public static ConfigDocumentException BadValue(string suffix, string problem) => new(problem) { Suffix = suffix };

    private static string Redact(Match quoted) => quoted.Value.Any(char.IsLetterOrDigit) && quoted.Value != "`newline`" ? "`...`" : quoted.Value;

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(while parsing value|was encountered|but got): \S\.")]
    private static partial Regex NamedCharacter();
}
