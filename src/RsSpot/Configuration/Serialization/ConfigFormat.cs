namespace RsSpot.Configuration;

/// <summary>The on-disk formats a configuration file can use. All three describe the same schema.</summary>
internal enum ConfigFormat
{
    /// <summary>YAML (<c>.yml</c>, <c>.yaml</c>, and extension-less files when saving).</summary>
    Yaml,

    /// <summary>TOML 1.x (<c>.toml</c>).</summary>
    Toml,

    /// <summary>JSON (<c>.json</c>).</summary>
    Json,
}

/// <summary>Maps file names to <see cref="ConfigFormat"/>.</summary>
internal static class ConfigFormats
{
    /// <summary>The format a file's extension selects, or null for an extension-less file (detected on load, YAML on save).</summary>
    /// <exception cref="SpotConfigurationException">The extension is not .yml, .yaml, .toml or .json.</exception>
    public static ConfigFormat? FromPath(string path)
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

    /// <summary>The format used when saving to <paramref name="path"/>: its extension's, YAML when it has none.</summary>
    /// <exception cref="SpotConfigurationException">The extension is not supported.</exception>
    public static ConfigFormat ForSaving(string path) => FromPath(path) ?? ConfigFormat.Yaml;
}
