using System.Collections;
using System.Globalization;

namespace RsSpot.Configuration;

/// <summary>
/// Declares a configuration key once, on the property that holds it: the name written to files, the legacy aliases
/// accepted on input, the environment variables that override it, its built-in default and its valid values.
/// Binding, saving, validation, resolution and <c>config info --resolved</c> all read this one declaration.
/// Properties without it use their snake_case name and take part in binding only.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingAttribute(string key, params string[] aliases) : Attribute
{
    public string Key { get; } = key;

    public IReadOnlyList<string> Aliases { get; } = aliases;

    /// <summary>Environment variables that set it, first match wins.</summary>
    public string[] Env { get; set; } = [];

    /// <summary>The value when no source sets one (profile settings only).</summary>
    public object? Default { get; set; }

    public double Minimum { get; set; } = double.NaN;

    public double Maximum { get; set; } = double.NaN;

    /// <summary>The value must be strictly greater than <see cref="Minimum"/>.</summary>
    public bool ExclusiveMinimum { get; set; }

    /// <summary>The only values allowed, when set.</summary>
    public string[] OneOf { get; set; } = [];

    /// <summary>Replaces the generated description of the valid range.</summary>
    public string? Rule { get; set; }

    /// <summary>Must be an absolute http(s) URL once resolved.</summary>
    public bool Url { get; set; }

    /// <summary>A legacy retry knob: resolved into the retry policy rather than as a value of its own.</summary>
    public bool FeedsRetry { get; set; }

    /// <summary>The <see cref="CacheOptions"/>/<see cref="RetryOptions"/> property it maps to when the names differ; "" for none.</summary>
    public string? Option { get; set; }

    /// <summary>What is wrong with <paramref name="value"/>: a key suffix (list index or map key) and the problem, or null.</summary>
    public (string Suffix, string Problem)? Check(object? value)
    {
        if (OneOf.Length > 0 && value is string text && !OneOf.Contains(text, StringComparer.Ordinal))
        {
            return (string.Empty, $"must be {string.Join(" or ", OneOf.Select(allowed => $"'{allowed}'"))}");
        }

        var numbers = value switch
        {
            IDictionary map => map.Keys.Cast<object>().Select(k => ($".{k}", map[k])),
            IEnumerable list and not string => list.Cast<object?>().Select((item, i) => ($"[{i}]", item)),
            _ => [(string.Empty, value)],
        };
        foreach (var (suffix, item) in numbers)
        {
            if (item is IConvertible and not string and not bool && Convert.ToDouble(item, CultureInfo.InvariantCulture) is var number && !InRange(number))
            {
                return (suffix, Rule ?? Describe());
            }
        }

        return null;
    }

    private bool InRange(double number) =>
        (double.IsNaN(Minimum) || (ExclusiveMinimum ? number > Minimum : number >= Minimum)) && (double.IsNaN(Maximum) || number <= Maximum);

    private string Describe() => (Minimum, Maximum, ExclusiveMinimum) switch
    {
        (_, var max, _) when !double.IsNaN(max) => string.Create(CultureInfo.InvariantCulture, $"must be between {Minimum} and {max}"),
        (_, _, true) => string.Create(CultureInfo.InvariantCulture, $"must be greater than {Minimum}"),
        (0, _, _) => "must not be negative",
        _ => string.Create(CultureInfo.InvariantCulture, $"must be at least {Minimum}"),
    };
}
