using System.Collections;
using System.Globalization;

namespace RsSpot.Configuration;

/// <summary>
/// Declares a configuration key once, on its property: file name, input aliases, overriding variables (first set wins), default and
/// valid values. Binding, saving, validation, resolution and <c>config info --resolved</c> read it; undeclared properties bind snake_case.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingAttribute(string key, params string[] aliases) : Attribute
{
    public string Key { get; } = key;

    public IReadOnlyList<string> Aliases { get; } = aliases;

    public string[] Env { get; set; } = [];

    /// <summary>Other Spot tools' variables for the value (first set wins), read just above the default so a shell set up for another tool never overrides the configuration.</summary>
    public string[] FallbackEnv { get; set; } = [];

    public object? Default { get; set; }

    public double Minimum { get; set; } = double.NegativeInfinity;

    public double Maximum { get; set; } = double.PositiveInfinity;

    public bool ExclusiveMinimum { get; set; }

    public string[] OneOf { get; set; } = [];

    /// <summary>Replaces the generated description of the valid range.</summary>
    public string? Rule { get; set; }

    /// <summary>Must be an absolute http(s) URL once resolved.</summary>
    public bool Url { get; set; }

    /// <summary>A legacy retry knob: resolved into the retry policy rather than as a value of its own.</summary>
    public bool FeedsRetry { get; set; }

    /// <summary>The <see cref="RetryOptions"/>/<see cref="CacheOptions"/> property it maps to, when the names differ.</summary>
    public string? Option { get; set; }

    /// <summary>What is wrong with <paramref name="value"/> (or one of its items or map values), or null.</summary>
    public (string Suffix, string Problem)? Check(object? value)
    {
        if (OneOf.Length > 0 && value is string text && !OneOf.Contains(text, StringComparer.Ordinal))
        {
            return (string.Empty, $"must be {string.Join(" or ", OneOf.Select(allowed => $"'{allowed}'"))}");
        }

        var items = value switch
        {
            IDictionary map => map.Keys.Cast<object>().Select(key => new Entry($".{key}", map[key])),
            IEnumerable list and not string => list.Cast<object?>().Select((item, index) => new Entry($"[{index}]", item)),
            _ => [new Entry(string.Empty, value)],
        };
        return items.FirstOrDefault(entry => OutOfRange(entry.Item)) is { } bad ? (bad.Suffix, Rule ?? RangeRule()) : null;
    }

    private bool OutOfRange(object? item) => item is IConvertible and not string and not bool && Convert.ToDouble(item, CultureInfo.InvariantCulture) is var number
        && !(number <= Maximum && (ExclusiveMinimum ? number > Minimum : number >= Minimum));

    private string RangeRule() => FormattableString.Invariant((Minimum, Maximum, ExclusiveMinimum) switch
    {
        (_, < double.PositiveInfinity, _) => $"must be between {Minimum} and {Maximum}",
        (_, _, true) => $"must be greater than {Minimum}",
        (0, _, _) => $"must not be negative",
        _ => $"must be at least {Minimum}",
    });

    /// <summary>A value or one of its items, with what follows the key in its path (a class: LINQ over tuples is JIT-compiled on every CLI start).</summary>
    private sealed record Entry(string Suffix, object? Item);
}
