using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RsSpot.OpenApiTools.Documents;

/// <summary>
/// Parses JSON that strict parsers reject only because string values contain raw control characters
/// (the published Spot document has literal newlines inside descriptions). Those characters are escaped
/// first; everything else must be valid JSON.
/// </summary>
public static class LenientJsonReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Parses <paramref name="text"/> after escaping raw control characters inside strings.</summary>
    /// <exception cref="JsonException">The text is not JSON even after escaping.</exception>
    public static JsonNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JsonNode.Parse(EscapeControlCharactersInStrings(text), documentOptions: Options)
            ?? throw new JsonException("the document is the JSON literal null");
    }

    /// <summary>
    /// Returns <paramref name="text"/> with every control character that sits inside a string literal
    /// replaced by its JSON escape. Characters outside strings (indentation, line breaks) are untouched.
    /// </summary>
    public static string EscapeControlCharactersInStrings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length + 64);
        var inString = false;
        var escaped = false;
        foreach (var c in text)
        {
            if (!inString)
            {
                inString = c == '"';
                output.Append(c);
            }
            else if (escaped)
            {
                escaped = false;
                output.Append(c);
            }
            else if (c == '\\')
            {
                escaped = true;
                output.Append(c);
            }
            else if (c == '"')
            {
                inString = false;
                output.Append(c);
            }
            else if (c < ' ')
            {
                output.Append(Escape(c));
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    private static string Escape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
    };
}
