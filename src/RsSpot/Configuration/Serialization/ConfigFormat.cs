namespace RsSpot.Configuration;

/// <summary>The on-disk formats a configuration file can use (see <see cref="ConfigSerializer.FormatOf"/>). All three describe the same schema.</summary>
internal enum ConfigFormat
{
    /// <summary>YAML (<c>.yml</c>, <c>.yaml</c>, and extension-less files when saving).</summary>
    Yaml,

    /// <summary>TOML 1.x (<c>.toml</c>).</summary>
    Toml,

    /// <summary>JSON (<c>.json</c>).</summary>
    Json,
}
