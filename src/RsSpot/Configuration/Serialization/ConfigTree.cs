using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Configuration;

/// <summary>
/// The one tree every format is parsed into and written from: a Newtonsoft <see cref="JObject"/> (YAML through <see cref="YamlText"/>,
/// TOML through <see cref="TomlText"/>, JSON directly) whose tokens remember their line (JSON natively, the others by annotation).
/// </summary>
internal static class ConfigTree
{
    // Deeper documents are rejected rather than risking stack exhaustion.
    public const int MaxDepth = 64;

    // Extension-less files (the legacy ~/.spot_config) are tried in the reference's order.
    private static readonly ConfigFormat[] DetectionOrder = [ConfigFormat.Toml, ConfigFormat.Yaml, ConfigFormat.Json];

    public static JObject Read(string text, ConfigFormat? format)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ConfigDocumentException.Syntax("the file is empty");
        }

        if (format is { } known)
        {
            return known switch { ConfigFormat.Yaml => YamlText.Read(text), ConfigFormat.Toml => TomlText.Read(text), _ => ReadJson(text) };
        }

        var problems = new List<string>();
        foreach (var candidate in DetectionOrder)
        {
            try
            {
                return Read(text, candidate);
            }
            catch (ConfigDocumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        throw ConfigDocumentException.Syntax($"could not detect the format (tried TOML, YAML and JSON): {string.Join("; ", problems)}");
    }

    public static string Write(JObject tree, ConfigFormat format) => format switch
    {
        ConfigFormat.Yaml => YamlText.Write(tree),
        ConfigFormat.Toml => TomlText.Write(tree),
        _ => tree.ToString(Formatting.Indented) + "\n",
    };

    public static JToken WithLine(JToken token, int? line)
    {
        token.AddAnnotation(new SourceLine(line));
        return token;
    }

    /// <summary>The line <paramref name="token"/> (or its nearest ancestor) came from, when the parser reported one.</summary>
    public static int? LineOf(JToken? token) =>
        token?.AncestorsAndSelf().Select(t => t.Annotation<SourceLine>()?.Number ?? (t is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : null)).FirstOrDefault(line => line is not null);

    /// <summary>A token's kind for messages, never its value (which may be a secret).</summary>
    public static string Kind(JToken? token) => token?.Type switch
    {
        null or JTokenType.Null => "null",
        JTokenType.Object => "a map",
        JTokenType.Array => "a list",
        JTokenType.Integer => "an integer",
        JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        _ => "a string",
    };

    /// <summary>The tree as plain values: ordered dictionaries, lists, string/long/double/bool/null.</summary>
    public static object? ToPlain(JToken? token) => token switch
    {
        JObject map => new OrderedDictionary<string, object?>(map.Properties().Select(p => KeyValuePair.Create(p.Name, ToPlain(p.Value))), StringComparer.Ordinal),
        JArray list => list.Select(ToPlain).ToList(),
        JValue { Value: System.Numerics.BigInteger big } => (double)big,
        _ => (token as JValue)?.Value,
    };

    private static JObject ReadJson(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = MaxDepth };
            var root = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore });
            return reader.Read() ? throw new JsonReaderException($"unexpected content after the document at line {reader.LineNumber}")
                : root as JObject ?? throw ConfigDocumentException.Syntax($"the document is {Kind(root)}, expected a map");
        }
        catch (JsonException ex)
        {
            throw ConfigDocumentException.Invalid("JSON", ex, (ex as JsonReaderException)?.LineNumber);
        }
    }

    private sealed record SourceLine(int? Number);
}
