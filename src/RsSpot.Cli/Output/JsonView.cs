using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace RsSpot.Cli.Output;

/// <summary>
/// The one conversion from SDK results to JSON trees: snake_case keys (as the reference tool prints them), enums as
/// strings, dictionary keys (labels, annotations) and explicitly named payload fields left exactly as they are.
/// </summary>
internal static class JsonView
{
    public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        Converters = { new StringEnumConverter(new SnakeCaseNamingStrategy()) },
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    });

    public static JToken From(object? value) => value switch
    {
        null => JValue.CreateNull(),
        JToken token => token,
        _ => JToken.FromObject(value, Serializer),
    };
}
