namespace RsSpot.Configuration;

/// <summary>Where a loaded configuration came from, in precedence order.</summary>
public enum ConfigSource
{
    /// <summary>A <see cref="SpotConfig"/> passed by the caller (<c>runtime</c>).</summary>
    Runtime,

    /// <summary>The file named by <see cref="ConfigLoadRequest.ConfigPath"/>, e.g. CLI <c>-c</c> (<c>explicit-path</c>).</summary>
    ExplicitPath,

    /// <summary>The file named by RSSPOT_CONFIG, RSSPOT_CONFIG_FILE or SPOT_CONFIG_FILE (<c>env:NAME</c>).</summary>
    Environment,

    /// <summary>The first existing <c>~/.config/rsspot/config.{yml,yaml,toml,json}</c> (<c>default-path</c>).</summary>
    DefaultPath,

    /// <summary><c>~/.spot_config</c>, just migrated to <c>~/.config/rsspot/config.yml</c> (<c>legacy-migrated</c>).</summary>
    LegacyMigrated,

    /// <summary>No file anywhere: an empty configuration bound to <c>~/.config/rsspot/config.yml</c> (<c>default-empty</c>).</summary>
    DefaultEmpty,
}
