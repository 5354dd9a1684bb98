using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Configuration;

/// <summary>
/// Helpers for the one tree every format is parsed into: a Newtonsoft <see cref="JObject"/>. Tokens remember the
/// line they came from (JSON natively, YAML and TOML through an annotation) so errors can name it.
/// </summary>
internal static class ConfigTree
{
    /// <summary>Deepest nesting accepted; deeper documents are rejected rather than risking stack exhaustion.</summary>
    public const int MaxDepth = 64;

    public static T WithLine<T>(T token, int? line)
        where T : JToken
    {
        if (line is { } known)
        {
            token.AddAnnotation(new SourceLine(known));
        }

        return token;
    }

    /// <summary>The line <paramref name="token"/> (or its nearest ancestor) came from, when the parser reported one.</summary>
    public static int? LineOf(JToken? token)
    {
        for (; token is not null; token = token.Parent)
        {
            if (token.Annotation<SourceLine>() is { } line)
            {
                return line.Number;
            }

            if (token is IJsonLineInfo info && info.HasLineInfo())
            {
                return info.LineNumber;
            }
        }

        return null;
    }

    /// <summary>A short description of a token's kind for messages (never its value, which may be a secret).</summary>
    public static string Kind(JToken? token) => token?.Type switch
    {
        null or JTokenType.Null or JTokenType.Undefined => "null",
        JTokenType.Object => "a map",
        JTokenType.Array => "a list",
        JTokenType.Integer => "an integer",
        JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        _ => "a string",
    };

    /// <summary>The tree as plain .NET values: ordered dictionaries, lists, string/long/double/bool/null.</summary>
    public static object? ToPlain(JToken? token) => token switch
    {
        JObject map => map.Properties().Aggregate(
            new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            (plain, property) => { plain[property.Name] = ToPlain(property.Value); return plain; }),
        JArray list => list.Select(ToPlain).ToList(),
        JValue { Value: System.Numerics.BigInteger big } => (double)big,
        JValue value => value.Value,
        _ => null,
    };

    public static ConfigDocumentException TooDeep() => ConfigDocumentException.Syntax($"the document nests deeper than {MaxDepth} levels");

    private sealed record SourceLine(int Number);
}
