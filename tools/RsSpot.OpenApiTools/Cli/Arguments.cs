namespace RsSpot.OpenApiTools.Cli;

/// <summary>A command-line mistake; reported as one line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Deliberately tiny option parser: <c>--name value</c>, <c>--name=value</c> and boolean <c>--flag</c>.
/// Each command declares the options it accepts, so a typo fails loudly instead of being ignored.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    /// <summary>Parses <paramref name="args"/> against the options a command accepts.</summary>
    /// <exception cref="UsageException">An unknown option, a missing value or a positional argument.</exception>
    public static Arguments Parse(IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new Arguments();
        using var cursor = args.GetEnumerator();
        while (cursor.MoveNext())
        {
            var (name, inline) = Split(cursor.Current);
            if (flags.Contains(name) && inline is null)
            {
                parsed._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (cursor.MoveNext() ? cursor.Current : throw new UsageException($"{name} needs a value"));
                if (!parsed._values.TryGetValue(name, out var list))
                {
                    parsed._values[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                throw new UsageException(name.StartsWith("--", StringComparison.Ordinal)
                    ? $"unknown option {name}"
                    : $"unexpected argument '{name}'");
            }
        }

        return parsed;
    }

    /// <summary>The last value of <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value of a repeatable option.</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>Whether a flag was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The value of <paramref name="name"/> parsed as <typeparamref name="TEnum"/> (case-insensitive), or <paramref name="fallback"/>.</summary>
    /// <exception cref="UsageException">The value is not one of the enum's names.</exception>
    public TEnum Choice<TEnum>(string name, TEnum fallback)
        where TEnum : struct, Enum
    {
        var value = Value(name);
        if (value is null)
        {
            return fallback;
        }

        return Enum.TryParse<TEnum>(value, ignoreCase: true, out var choice) && Enum.IsDefined(choice)
            ? choice
            : throw new UsageException($"{name} must be one of {string.Join('|', Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
    }

    private static (string Name, string? Inline) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }
}
