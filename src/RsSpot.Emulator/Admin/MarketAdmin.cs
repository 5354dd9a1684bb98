using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Catalog;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Admin;

/// <summary>
/// The market under test control: <c>/_emulator/market-prices</c> (a class's price, to cross a pool's bid) and
/// <c>/_emulator/preemptions</c> (servers taken from a spot pool). An outage is a fault rule (<c>/_emulator/faults</c>).
/// </summary>
internal static class MarketAdmin
{
    private static readonly JObject PriceSchema = JObject.Parse("""
        {
          "type": "object",
          "required": ["serverClass"],
          "properties": { "serverClass": { "type": "string" } }
        }
        """);

    private static readonly JObject PreemptionSchema = JObject.Parse("""
        {
          "type": "object",
          "required": ["pool"],
          "properties": { "pool": { "type": "string" }, "count": { "type": "integer", "format": "int32" }, "namespace": { "type": "string" } }
        }
        """);

    public static EmulatorResponse? Handle(SpotEmulator emulator, string method, string path, byte[] body) => (method, path) switch
    {
        ("GET", "market-prices") => Respond.Json(200, new JObject(emulator.MarketOverrides().Prices.Select(p => new JProperty(p.Key, PriceModel.Format(p.Value))))),
        ("POST", "market-prices") => SetPrice(emulator, body),
        ("DELETE", "market-prices") => Cleared(emulator.ClearMarketOverrides(prices: true, preemptions: false)),
        ("GET", "preemptions") => Respond.Json(200, new JObject(emulator.MarketOverrides().Preempted.Select(p => new JProperty(p.Key, p.Value)))),
        ("POST", "preemptions") => Preempt(emulator, body),
        ("DELETE", "preemptions") => Cleared(emulator.ClearMarketOverrides(prices: false, preemptions: true)),
        _ => null,
    };

    private static EmulatorResponse SetPrice(SpotEmulator emulator, byte[] body) => Change(body, PriceSchema, "market price", json =>
    {
        var serverClass = json.Value<string>("serverClass")!;
        // A string ("0.05") or a number; null or absent gives the class its computed price back.
        var price = json["price"] switch
        {
            null or JValue { Type: JTokenType.Null } => (decimal?)null,
            JValue { Type: JTokenType.String or JTokenType.Float or JTokenType.Integer } value
                when decimal.TryParse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            var other => throw new ArgumentException($"price must be a number or a decimal string, got {other.ToString(Newtonsoft.Json.Formatting.None)}"),
        };
        emulator.SetMarketPrice(serverClass, price);
        return Respond.Json(200, new JObject { ["serverClass"] = serverClass, ["price"] = price is { } p ? PriceModel.Format(p) : null });
    });

    private static EmulatorResponse Preempt(SpotEmulator emulator, byte[] body) => Change(body, PreemptionSchema, "pre-emption", json =>
    {
        var pool = json.Value<string>("pool")!;
        var servers = emulator.Preempt(pool, json.Value<int?>("count") ?? 1, json.Value<string>("namespace"));
        return Respond.Json(201, new JObject { ["pool"] = pool, ["servers"] = new JArray(servers) });
    });

    private static EmulatorResponse Change(byte[] body, JObject schema, string what, Func<JObject, EmulatorResponse> change)
    {
        var read = JsonBody.Read(body, schema, SchemaChecks.Required);
        if (read.Problem is not null || read.Errors.Count > 0)
        {
            return Respond.BadRequest($"invalid {what}: {read.Problem ?? FieldError.Summary(read.Errors)}");
        }

        try
        {
            return change(read.Object!);
        }
        catch (ArgumentException e)
        {
            return Respond.BadRequest($"invalid {what}: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static EmulatorResponse Cleared(int _) => new(204);
}
