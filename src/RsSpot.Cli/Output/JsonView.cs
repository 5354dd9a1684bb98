using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using RsSpot.Internal;

namespace RsSpot.Cli.Output;

/// <summary>
/// The one conversion from SDK results to JSON trees: snake_case keys (as the reference tool prints them), enums as
/// strings, dictionary keys (labels, annotations) and explicitly named payload fields left exactly as they are.
/// </summary>
internal static class JsonView
{
    public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new InterpretedContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        Converters = { new StringEnumConverter(new SnakeCaseNamingStrategy()), new IsoDateConverter() },
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    });

    /// <summary>An instant as every format prints it: ISO 8601 in UTC (<c>2026-05-01T12:00:00Z</c>, fractions only when present).</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JToken From(object? value) => value switch
    {
        null => JValue.CreateNull(),
        JToken token => token,
        _ => JToken.FromObject(value, Serializer),
    };

    /// <summary>Writes dates as ISO strings, so YAML and tables show them the same as JSON (never as .NET objects).</summary>
    private sealed class IsoDateConverter : JsonConverter
    {
        public override bool CanRead => false;

        public override bool CanConvert(Type objectType) =>
            (Nullable.GetUnderlyingType(objectType) ?? objectType) is var type && (type == typeof(DateTimeOffset) || type == typeof(DateTime));

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => writer.WriteValue(value switch
        {
            DateTimeOffset instant => Iso(instant),
            DateTime time => Iso(time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(time)),
            _ => null,
        });

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            throw new NotSupportedException();
    }
}
