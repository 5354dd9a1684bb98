namespace RsSpot.Configuration;

/// <summary>Well-known configuration locations, relative to the home directory of a <see cref="ConfigEnvironment"/>.</summary>
public static class ConfigPaths
{
    private static readonly string[] DefaultFileNames = ["config.yml", "config.yaml", "config.toml", "config.json"];

    /// <summary>Environment variables naming a config file, in precedence order.</summary>
    public static IReadOnlyList<string> ConfigFileVariables { get; } = ["RSSPOT_CONFIG", "RSSPOT_CONFIG_FILE", "SPOT_CONFIG_FILE"];

    /// <summary><c>~/.config/rsspot</c>.</summary>
    public static string ConfigDirectory(ConfigEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return System.IO.Path.Combine(environment.HomeDirectory, ".config", "rsspot");
    }

    /// <summary>The default files searched, in order: <c>~/.config/rsspot/config.{yml,yaml,toml,json}</c>.</summary>
    public static IReadOnlyList<string> DefaultCandidates(ConfigEnvironment environment) =>
        DefaultFileNames.Select(name => System.IO.Path.Combine(ConfigDirectory(environment), name)).ToList();

    /// <summary>Where new configuration is written: <c>~/.config/rsspot/config.yml</c>.</summary>
    public static string DefaultConfigFile(ConfigEnvironment environment) => DefaultCandidates(environment)[0];

    /// <summary>The legacy file <c>~/.spot_config</c>, migrated once and never read again.</summary>
    public static string LegacyConfigFile(ConfigEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return System.IO.Path.Combine(environment.HomeDirectory, ".spot_config");
    }

    /// <summary>The state database used when nothing else names one: <c>~/.config/rsspot/state.db</c>.</summary>
    public static string DefaultStateFile(ConfigEnvironment environment) => System.IO.Path.Combine(ConfigDirectory(environment), "state.db");
}
