namespace RsSpot.Configuration;

/// <summary>A configuration and where it came from.</summary>
/// <param name="Source">Which source won.</param>
/// <param name="Path">The file it was read from or will be saved to; null for runtime configurations.</param>
/// <param name="Config">The configuration itself.</param>
/// <param name="EnvironmentVariable">For <see cref="ConfigSource.Environment"/>, the variable that named the file.</param>
public sealed record LoadedConfig(ConfigSource Source, string? Path, SpotConfig Config, string? EnvironmentVariable = null)
{
    /// <summary>The source as shown to users: runtime, explicit-path, env:RSSPOT_CONFIG, default-path, legacy-migrated or default-empty.</summary>
    public string SourceName => Source switch
    {
        ConfigSource.Runtime => "runtime",
        ConfigSource.ExplicitPath => "explicit-path",
        ConfigSource.Environment => $"env:{EnvironmentVariable}",
        ConfigSource.DefaultPath => "default-path",
        ConfigSource.LegacyMigrated => "legacy-migrated",
        _ => "default-empty",
    };
}
