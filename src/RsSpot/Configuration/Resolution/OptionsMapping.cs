using System.Reflection;
using Newtonsoft.Json.Serialization;

namespace RsSpot.Configuration;

/// <summary>
/// Maps a <see cref="RetryConfig"/> or <see cref="CacheConfig"/> block onto its options type by property name (or <see cref="SettingAttribute.Option"/>),
/// seconds becoming durations and lists sets, and back for display, so a field added to both needs no further code.
/// </summary>
internal static class OptionsMapping
{
    /// <summary>Applies the blocks of <paramref name="layers"/> (lowest first) to <paramref name="options"/> field by field, recording each key's source.</summary>
    public static T Layer<T>(T options, string baseSource, IDictionary<string, string> sources, IEnumerable<Candidate> layers)
        where T : class
    {
        var fields = Fields(options).ToList();
        foreach (var field in fields)
        {
            sources[field.Key] = baseSource;
        }

        foreach (var (block, source) in layers)
        {
            foreach (var (key, field, option) in block is null ? [] : fields)
            {
                if (field.GetValue(block) is { } value)
                {
                    option.SetValue(options, ToOption(value, option.PropertyType));
                    sources[key] = source;
                }
            }
        }

        return options;
    }

    /// <summary>The keys of <paramref name="options"/>' block (<c>retry.max_attempts</c>) with its values as plain values (seconds, sorted lists).</summary>
    public static IEnumerable<(string Key, object? Value)> Describe(object options) =>
        Fields(options).Select(field => (field.Key, FromOption(field.Option.GetValue(options))));

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
