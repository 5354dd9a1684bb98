namespace RsSpot.Configuration;

/// <summary>Dispatches between the format codecs and auto-detects the format of extension-less files.</summary>
internal static class ConfigTreeCodec
{
    /// <summary>Order tried for extension-less files (the reference's order).</summary>
    private static readonly ConfigFormat[] DetectionOrder = [ConfigFormat.Toml, ConfigFormat.Yaml, ConfigFormat.Json];

    public static OrderedDictionary<string, object?> Read(string text, ConfigFormat format) => format switch
    {
        ConfigFormat.Yaml => YamlTreeCodec.Read(text),
        ConfigFormat.Toml => TomlTreeCodec.Read(text),
        ConfigFormat.Json => JsonTreeCodec.Read(text),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Tries each format in turn and keeps the first that yields a map.</summary>
    public static OrderedDictionary<string, object?> ReadDetecting(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ConfigDocumentException.Syntax("the file is empty");
        }

        var problems = new List<string>();
        foreach (var format in DetectionOrder)
        {
            try
            {
                return Read(text, format);
            }
            catch (ConfigDocumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        throw ConfigDocumentException.Syntax($"could not detect the format (tried TOML, YAML and JSON): {string.Join("; ", problems)}");
    }

    public static string Write(IDictionary<string, object?> tree, ConfigFormat format) => format switch
    {
        ConfigFormat.Yaml => YamlTreeCodec.Write(tree),
        ConfigFormat.Toml => TomlTreeCodec.Write(tree),
        ConfigFormat.Json => JsonTreeCodec.Write(tree),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
