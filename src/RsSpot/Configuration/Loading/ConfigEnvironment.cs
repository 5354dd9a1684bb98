using System.Collections;

namespace RsSpot.Configuration;

/// <summary>
/// The process inputs configuration depends on: environment variables (matched case-insensitively, an exact-case
/// match first) and the home directory. Tests build one from a dictionary and a temporary directory, so they never
/// touch the real environment or HOME.
/// </summary>
public sealed class ConfigEnvironment
{
    private readonly Dictionary<string, string> _exact;
    private readonly Dictionary<string, string> _ignoringCase;

    /// <summary>Creates an environment from explicit variables and a home directory.</summary>
    public ConfigEnvironment(IEnumerable<KeyValuePair<string, string?>> variables, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentException.ThrowIfNullOrEmpty(homeDirectory);
        _exact = new Dictionary<string, string>(StringComparer.Ordinal);
        _ignoringCase = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
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

    /// <summary>The user's home directory (<c>~</c>).</summary>
    public string HomeDirectory { get; }

    /// <summary>A snapshot of the current process environment and the user's home directory.</summary>
    /// <exception cref="SpotConfigurationException">The home directory cannot be determined.</exception>
    public static ConfigEnvironment FromProcess()
    {
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(entry => new KeyValuePair<string, string?>((string)entry.Key, entry.Value as string));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
        {
            throw new SpotConfigurationException("cannot determine the home directory; set HOME or pass an explicit config path");
        }

        return new ConfigEnvironment(variables, home);
    }

    /// <summary>The value of <paramref name="name"/>, or null when unset or empty.</summary>
    public string? Get(string name) =>
        _exact.TryGetValue(name, out var value) || _ignoringCase.TryGetValue(name, out value) ? value : null;

    /// <summary>The first of <paramref name="names"/> that is set, with its value.</summary>
    public (string Name, string Value)? FirstOf(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (Get(name) is { } value)
            {
                return (name, value);
            }
        }

        return null;
    }

    /// <summary>Expands a leading <c>~</c> and makes the path absolute (relative to <paramref name="baseDirectory"/> or the working directory).</summary>
    public string ExpandPath(string path, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~")
        {
            return HomeDirectory;
        }

        if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            path = System.IO.Path.Combine(HomeDirectory, path[2..]);
        }

        return baseDirectory is null ? System.IO.Path.GetFullPath(path) : System.IO.Path.GetFullPath(path, baseDirectory);
    }
}
