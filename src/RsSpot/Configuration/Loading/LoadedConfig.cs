namespace RsSpot.Configuration;

/// <summary>What the caller supplied when asking for configuration; everything else is discovered.</summary>
internal sealed class ConfigLoadRequest
{
    /// <summary>A configuration built in code; when set, no file is read.</summary>
    public SpotConfig? Config { get; init; }

    /// <summary>An explicit file (CLI <c>-c</c>); it must exist unless <see cref="AllowMissingFile"/> is set, and must not be empty.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Lets a named file be missing (an empty configuration bound to it), for commands that create it such as <c>configure</c>.</summary>
    public bool AllowMissingFile { get; init; }
}

/// <summary>Where a loaded configuration came from, in precedence order (<see cref="ConfigLoader"/>).</summary>
internal enum ConfigSource
{
    Runtime,
    ExplicitPath,
    Environment,
    DefaultPath,
    LegacyMigrated,
    DefaultEmpty,
}

/// <summary>A configuration, what chose it, and the file it was read from or will be saved to (<see cref="Path"/>; null for runtime configurations).</summary>
internal sealed record LoadedConfig(ConfigSource Source, string? Path, SpotConfig Config, string? EnvironmentVariable = null)
{
    /// <summary>The source as shown to users: runtime, explicit-path, env:RSSPOT_CONFIG, default-path, legacy-migrated or default-empty.</summary>
    public string SourceName => Source is ConfigSource.Environment
        ? $"env:{EnvironmentVariable}"
        : new Newtonsoft.Json.Serialization.KebabCaseNamingStrategy().GetPropertyName(Source.ToString(), hasSpecifiedName: false);
}
