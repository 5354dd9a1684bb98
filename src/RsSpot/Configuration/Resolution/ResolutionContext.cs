namespace RsSpot.Configuration;

/// <summary>Inputs of one resolution and the sources recorded so far (kept apart so the rules read as a list of layers).</summary>
internal sealed class ResolutionContext
{
    public ResolutionContext(LoadedConfig loaded, ResolveRequest arguments, IPreferenceReader? state, ConfigEnvironment environment)
    {
        Loaded = loaded;
        Arguments = arguments;
        State = state;
        Environment = environment;
    }

    public LoadedConfig Loaded { get; }

    public ResolveRequest Arguments { get; }

    public IPreferenceReader? State { get; }

    public ConfigEnvironment Environment { get; }

    public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    /// <summary>First non-null of: the argument, the first set variable, then the layers in order.</summary>
    public string? Pick(string field, string? argument, IReadOnlyList<string> variables, params (string? Value, string Source)[] layers)
    {
        if (argument is not null)
        {
            Sources[field] = "argument";
            return argument;
        }

        if (Environment.FirstOf(variables) is var (variable, value))
        {
            Sources[field] = $"env:{variable}";
            return value;
        }

        foreach (var (layerValue, source) in layers)
        {
            if (layerValue is not null)
            {
                Sources[field] = source;
                return layerValue;
            }
        }

        Sources[field] = "unset";
        return null;
    }

    /// <summary>Typed variant of <see cref="Pick"/>: argument, parsed variable, profile value, built-in default.</summary>
    public T PickParsed<T>(string field, T? argument, IReadOnlyList<string> variables, Func<object?, string, T?> parse, (T? Value, string Source) fromProfile, T fallback)
        where T : struct
    {
        if (argument is { } given)
        {
            Sources[field] = "argument";
            return given;
        }

        if (Parsed(variables, parse) is var (variable, parsed))
        {
            Sources[field] = $"env:{variable}";
            return parsed;
        }

        Sources[field] = fromProfile.Value is null ? "default" : fromProfile.Source;
        return fromProfile.Value ?? fallback;
    }

    /// <summary>The first set variable of <paramref name="variables"/>, parsed; an unparsable value is an error naming the variable.</summary>
    public (string Variable, T Value)? Parsed<T>(IReadOnlyList<string> variables, Func<object?, string, T?> parse)
        where T : struct
    {
        if (Environment.FirstOf(variables) is not var (variable, text))
        {
            return null;
        }

        try
        {
            return (variable, parse(text, $"environment variable {variable}")!.Value);
        }
        catch (ConfigDocumentException ex)
        {
            throw new SpotConfigurationException(ex.Message, null, ex);
        }
    }

    public static T NonNegative<T>(T value, string variable)
        where T : struct, IComparable<T> =>
        value.CompareTo(default) < 0
            ? throw new SpotConfigurationException($"environment variable {variable}: must not be negative")
            : value;

    public string RequireUrl(string field, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        throw new SpotConfigurationException($"{field} (from {Sources[field]}) is not an absolute http(s) URL", Loaded.Path);
    }

    public void MarkAll(IEnumerable<string> fields, Func<string, string> key, string source)
    {
        foreach (var field in fields)
        {
            Sources[key(field)] = source;
        }
    }
}
