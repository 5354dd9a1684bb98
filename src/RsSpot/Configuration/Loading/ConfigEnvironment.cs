using System.Collections;

namespace RsSpot.Configuration;

/// <summary>
/// The process inputs configuration depends on: environment variables (case-insensitive, an exact-case match first), the home
/// directory and the locations under it. Tests build one from a dictionary and a temporary directory, never touching HOME.
/// </summary>
internal sealed class ConfigEnvironment
{
    private static readonly string[] DefaultExtensions = ["yml", "yaml", "toml", "json"];
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _ignoringCase = new(StringComparer.OrdinalIgnoreCase);

    public ConfigEnvironment(IEnumerable<KeyValuePair<string, string?>> variables, string homeDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(homeDirectory);
        // A loop: LINQ over key/value pairs is JIT-compiled on every CLI start.
        foreach (var (name, value) in variables)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _exact[name] = value;
                _ignoringCase.TryAdd(name, value);
            }
        }

        HomeDirectory = homeDirectory;
    }

    public static IReadOnlyList<string> ConfigFileVariables { get; } = ["RSSPOT_CONFIG", "RSSPOT_CONFIG_FILE", "SPOT_CONFIG_FILE"];

    public string HomeDirectory { get; }

    public string ConfigDirectory => Path.Combine(HomeDirectory, ".config", "rsspot");

    /// <summary>The default files searched, in order: <c>~/.config/rsspot/config.{yml,yaml,toml,json}</c>; new files go to the first.</summary>
    public IReadOnlyList<string> DefaultConfigFiles => DefaultExtensions.Select(extension => Path.Combine(ConfigDirectory, $"config.{extension}")).ToList();

    /// <summary>The legacy file <c>~/.spot_config</c>, migrated once and never read again.</summary>
    public string LegacyConfigFile => Path.Combine(HomeDirectory, ".spot_config");

    public static ConfigEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(entry => new KeyValuePair<string, string?>((string)entry.Key, entry.Value as string)),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
            ? home
            : throw new SpotConfigurationException("cannot determine the home directory; set HOME or pass an explicit config path"));

    /// <summary>The value of <paramref name="name"/>, or null when unset or empty.</summary>
    public string? Get(string name) => _exact.TryGetValue(name, out var value) || _ignoringCase.TryGetValue(name, out value) ? value : null;

    public (string Name, string Value)? FirstOf(IEnumerable<string> names) =>
        names.FirstOrDefault(name => Get(name) is not null) is { } found ? (found, Get(found)!) : null;

    /// <summary>Expands a leading <c>~</c> and makes the path absolute (relative to <paramref name="baseDirectory"/> or the working directory).</summary>
    public string ExpandPath(string path, string? baseDirectory = null) => Path.GetFullPath(path switch
    {
        "~" => HomeDirectory,
        _ when path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal) => Path.Combine(HomeDirectory, path[2..]),
        _ => path,
    }, baseDirectory ?? Directory.GetCurrentDirectory());
}
