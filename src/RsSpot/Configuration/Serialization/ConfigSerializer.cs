using System.Text;

namespace RsSpot.Configuration;

/// <summary>The formats a configuration file can use (<see cref="ConfigSerializer.FormatOf"/>), all describing the same schema.</summary>
internal enum ConfigFormat
{
    Yaml,
    Toml,
    Json,
}

/// <summary>
/// Converts configuration between text and <see cref="SpotConfig"/>. Each format's own library parses into one
/// tree (<see cref="ConfigTree"/>), bound once (<see cref="ConfigBinder"/>), so aliases, defaults and validation are the same in
/// all three. Every failure is a <see cref="SpotConfigurationException"/> naming the file.
/// </summary>
internal static class ConfigSerializer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <paramref name="text"/> (a null <paramref name="format"/> tries TOML, YAML and JSON); <paramref name="sourceName"/> names it in errors.</summary>
    public static SpotConfig Parse(string text, ConfigFormat? format, string? sourceName = null) =>
        Guard(sourceName, () => ConfigBinder.Bind(ConfigTree.Read(text, format)));

    /// <summary>Renders <paramref name="config"/> in <paramref name="format"/> with snake_case keys, secrets included.</summary>
    public static string Serialize(SpotConfig config, ConfigFormat format) => ConfigTree.Write(ConfigBinder.ToTree(config), format);

    /// <summary>Reads and parses a UTF-8 file; the extension selects the format and an extension-less file is auto-detected.</summary>
    public static SpotConfig ReadFile(string path)
    {
        var format = FormatOf(path);
        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new SpotConfigurationException(ex is DecoderFallbackException ? $"failed to parse config file '{path}': the file is not UTF-8 text" : $"cannot read config file '{path}': {ex.Message}", path, ex);
        }

        return text.Contains('\0', StringComparison.Ordinal)
            ? throw new SpotConfigurationException($"failed to parse config file '{path}': the file is binary, not text", path)
            : Parse(text.TrimStart('\uFEFF'), format, path); // a byte order mark is legal in all three formats but confuses the TOML lexer
    }

    /// <summary>The format a file's extension selects, or null for an extension-less file (detected on load, YAML on save).</summary>
    public static ConfigFormat? FormatOf(string path)
    {
        // A dot file such as ~/.spot_config has no extension; its leading dot only hides it.
        var extension = Path.GetExtension(path) is var found && found == Path.GetFileName(path) ? string.Empty : found;
        return extension.ToLowerInvariant() switch
        {
            "" => null,
            ".yml" or ".yaml" => ConfigFormat.Yaml,
            ".toml" => ConfigFormat.Toml,
            ".json" => ConfigFormat.Json,
            _ => throw new SpotConfigurationException($"config file '{path}' has the unsupported extension '{extension}'; use .yml, .yaml, .toml or .json", path),
        };
    }

    /// <summary>Refuses a configuration that could not be read back (e.g. a negative timeout set through the API).</summary>
    internal static void Validate(SpotConfig config, string path) => Guard(path, () => ConfigBinder.Bind(ConfigBinder.ToTree(config)));

    private static SpotConfig Guard(string? sourceName, Func<SpotConfig> parse)
    {
        try
        {
            return parse();
        }
        catch (ConfigDocumentException ex)
        {
            var source = $"'{sourceName ?? "<runtime config>"}'{(ex.Line is { } line ? $" (line {line})" : string.Empty)}";
            throw new SpotConfigurationException($"{(ex.IsSyntaxError ? "failed to parse config file" : "invalid config structure for")} {source}: {ex.Message}", sourceName, ex);
        }
    }
}
