using System.Reflection;
using Newtonsoft.Json.Serialization;

namespace RsSpot.Configuration;

/// <summary>
/// Maps a <see cref="RetryConfig"/> or <see cref="CacheConfig"/> block onto its options type by property name (or
/// <see cref="SettingAttribute.Option"/>), turning seconds into durations and lists into sets, and back for display.
/// A field added to a block and its options type is layered, sourced and shown without further code.
/// </summary>
internal static class OptionsMapping
{
    /// <summary>Sets the fields <paramref name="block"/> sets, reporting each key (<c>retry.max_attempts</c>) to <paramref name="applied"/>.</summary>
    public static void Apply(object? block, object options, Action<string> applied)
    {
        foreach (var (key, field, option) in block is null ? [] : Fields(options))
        {
            if (field.GetValue(block) is { } value)
            {
                option.SetValue(options, ToOption(value, option.PropertyType));
                applied(key);
            }
        }
    }

    /// <summary>The keys of <paramref name="options"/>' block (<c>retry.max_attempts</c>) with its values as plain values (seconds, sorted lists).</summary>
    public static IEnumerable<(string Key, object? Value)> Describe(object options) =>
        Fields(options).Select(field => (field.Key, FromOption(field.Option.GetValue(options))));

    /// <summary>The keys of <paramref name="options"/>' block (<c>retry.max_attempts</c>), without reading values.</summary>
    public static IEnumerable<string> Keys(object options) => Fields(options).Select(field => field.Key);

    private static IEnumerable<Field> Fields(object options)
    {
        var (prefix, blockType) = options is RetryOptions ? ("retry", typeof(RetryConfig)) : ("cache", typeof(CacheConfig));
        return from property in ((JsonObjectContract)ConfigContractResolver.Instance.ResolveContract(blockType)).Properties
               where property.Readable
               let field = blockType.GetProperty(property.UnderlyingName!)!
               let option = options.GetType().GetProperty(field.GetCustomAttribute<SettingAttribute>()?.Option ?? field.Name)
               where option is not null
               select new Field($"{prefix}.{property.PropertyName}", field, option);
    }

    private static object ToOption(object value, Type target) => value switch
    {
        double seconds when (Nullable.GetUnderlyingType(target) ?? target) == typeof(TimeSpan) => TimeSpan.FromSeconds(seconds),
        IList<int> statuses => new HashSet<int>(statuses),
        IDictionary<string, double> rules => rules.ToDictionary(rule => rule.Key, rule => TimeSpan.FromSeconds(rule.Value), StringComparer.Ordinal),
        _ => value,
    };

    private static object? FromOption(object? value) => value switch
    {
        TimeSpan duration => duration.TotalSeconds,
        ISet<int> statuses => statuses.Order().Select(status => (object?)(long)status).ToList(),
        IDictionary<string, TimeSpan> rules => rules.ToDictionary(rule => rule.Key, rule => (object?)rule.Value.TotalSeconds, StringComparer.Ordinal),
        int number => (long)number,
        _ => value,
    };

    /// <summary>A block field and the options property it maps to (a class, not a tuple, so the LINQ over it runs precompiled).</summary>
    private sealed record Field(string Key, PropertyInfo Block, PropertyInfo Option);
}
