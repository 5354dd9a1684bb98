using System.Reflection;

namespace RsSpot.Configuration;

/// <summary>Inputs of one resolution and the sources recorded so far (kept apart so the rules read as a list of layers).</summary>
internal sealed class ResolutionContext(LoadedConfig loaded, ResolveRequest arguments, IPreferenceReader? state, ConfigEnvironment environment)
{
    public LoadedConfig Loaded { get; } = loaded;

    public ResolveRequest Arguments { get; } = arguments;

    public ConfigEnvironment Environment { get; } = environment;

    public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    /// <summary>The first candidate with a value wins and its source is recorded; candidates are produced lazily.</summary>
    public object? Pick(string key, IEnumerable<(object? Value, string Source)> candidates)
    {
        foreach (var (value, source) in candidates)
        {
            if (value is not null)
            {
                Sources[key] = source;
                return value;
            }
        }

        Sources[key] = "unset";
        return null;
    }

    /// <summary>A state.db preference as a layer.</summary>
    public (object? Value, string Source) State(string key) => (state?.GetPreference(key) is { Length: > 0 } value ? value : null, $"state:{key}");

    /// <summary>The first set environment variable of a setting, converted and checked; an invalid value is an error naming the variable.</summary>
    public (object? Value, string Source)? FromEnvironment(PropertyInfo property, SettingAttribute setting) =>
        Environment.FirstOf(setting.Env) is var (variable, text) ? (ConfigBinder.FromVariable(text, property, setting, variable), $"env:{variable}") : null;

    public string? RequireUrl(string key, string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? url
            : throw new SpotConfigurationException($"{key} (from {Sources[key]}) is not an absolute http(s) URL", Loaded.Path);

    public void MarkAll(string prefix, IEnumerable<(string Key, object? Value)> fields, string source)
    {
        foreach (var (key, _) in fields)
        {
            Sources[$"{prefix}.{key}"] = source;
        }
    }
}
