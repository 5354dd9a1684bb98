using Newtonsoft.Json.Linq;
using YamlDotNet.Serialization;

namespace RsSpot.Cli.Output;

/// <summary>Writes JSON trees as YAML, keeping key order and quoting strings that would otherwise read as other types.</summary>
internal static class YamlFormatter
{
    private static readonly ISerializer Serializer = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();

    public static string Format(JToken value) => Serializer.Serialize(ToPlain(value)).TrimEnd();

    private static object? ToPlain(JToken token) => token switch
    {
        JObject obj => obj.Properties().Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal), (map, p) =>
        {
            map[p.Name] = ToPlain(p.Value);
            return map;
        }),
        JArray array => array.Select(ToPlain).ToList(),
        JValue { Value: DateTimeOffset instant } => JsonView.Iso(instant),
        JValue { Value: DateTime time } => JsonView.Iso(new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time)),
        JValue value => value.Value,
        _ => token.ToString(),
    };
}
