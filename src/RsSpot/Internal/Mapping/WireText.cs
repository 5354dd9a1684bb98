using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Internal.Mapping;

/// <summary>Small conversions shared by the mappers: price strings to decimals, wire objects to raw JSON.</summary>
internal static class WireText
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Api.SpotJson.CreateSettings());

    /// <summary>Parses a USD amount as the API writes it ("0.001000", "$0.023", "1,024.5"); null when empty or not a number.</summary>
    public static decimal? Money(string? text) => Pricing.PriceParser.ParsePrice(text);

    /// <summary>The full wire object as JSON, kept on models for fields RsSpot does not model.</summary>
    public static JObject Raw(object wire) => JObject.FromObject(wire, Serializer);

    public static IReadOnlyDictionary<string, string> Map(IDictionary<string, string>? source) =>
        source is null ? new Dictionary<string, string>() : new Dictionary<string, string>(source, StringComparer.Ordinal);
}
