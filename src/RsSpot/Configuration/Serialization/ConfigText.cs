using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Configuration;

/// <summary>
/// Text in any of the three formats to and from the one tree: YAML by <see cref="YamlText"/>, TOML by
/// <see cref="TomlText"/>, JSON by Newtonsoft directly. Extension-less files are detected.
/// </summary>
internal static class ConfigText
{
    /// <summary>Order tried for extension-less files (the reference's order).</summary>
    private static readonly ConfigFormat[] DetectionOrder = [ConfigFormat.Toml, ConfigFormat.Yaml, ConfigFormat.Json];

    public static JObject Read(string text, ConfigFormat? format)
    {
        if (format is { } known)
        {
            return known switch
            {
                ConfigFormat.Yaml => YamlText.Read(text),
                ConfigFormat.Toml => TomlText.Read(text),
                _ => ReadJson(text),
            };
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw ConfigDocumentException.Syntax("the file is empty");
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

    private static JObject ReadJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ConfigDocumentException.Syntax("the file is empty");
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = ConfigTree.MaxDepth };
            var root = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore });
            return reader.Read()
                ? throw new JsonReaderException($"unexpected content after the document at line {reader.LineNumber}")
                : root as JObject ?? throw ConfigDocumentException.Syntax($"the document is {ConfigTree.Kind(root)}, expected a map");
        }
        catch (JsonException ex)
        {
            throw ConfigDocumentException.Syntax($"invalid JSON: {ex.Message.ReplaceLineEndings(" ")}", (ex as JsonReaderException)?.LineNumber, ex);
        }
    }
}
