using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Models;

namespace RsSpot.Observability.Webhooks;

/// <summary>
/// Reads what Spot POSTs to a cloudspace's pre-emption webhook into <c>preemption-notice</c> events. The contract does
/// not describe the body, so it is read leniently: a JSON object naming a server (or node) and/or a cloudspace under
/// the usual spellings (<c>server</c>, <c>serverName</c>, <c>node</c>, <c>nodeName</c>, <c>cloudspace</c>,
/// <c>cloudSpace</c>, ...), optionally several under <c>servers</c>/<c>nodes</c> (one event each), a pool, a region,
/// an organization (<c>namespace</c>) and when the pre-emption happens (<c>time</c>, <c>preemptionTime</c>, ...; ISO 8601 or
/// Unix seconds). The whole body is kept in the event's data. Anything else is refused with the reason.
/// </summary>
internal static class PreemptionNotice
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] ServerKeys = ["server", "serverName", "server_name", "node", "nodeName", "node_name", "hostname"];

    /// <summary>An entry of a <c>servers</c> list may also call the server its <c>name</c>.</summary>
    private static readonly string[] ListedServerKeys = [.. ServerKeys, "name"];
    private static readonly string[] CloudSpaceKeys = ["cloudspace", "cloudSpace", "cloudspaceName", "cloudspace_name", "cluster"];
    private static readonly string[] PoolKeys = ["pool", "nodePool", "nodepool", "node_pool", "spotNodePool", "bidName"];
    private static readonly string[] OrgKeys = ["namespace", "org", "organization"];
    private static readonly string[] RegionKeys = ["region"];
    private static readonly string[] TimeKeys = ["preemptionTime", "preemption_time", "terminationTime", "termination_time", "deadline", "time", "timestamp"];
    private static readonly string[] ListKeys = ["servers", "nodes"];

    /// <summary>The events a body announces, or why it announces none.</summary>
    /// <param name="body">The raw body (already bounded by the receiver).</param>
    /// <param name="receivedAt">When it arrived.</param>
    /// <param name="profile">The profile of the receiving run.</param>
    public static (IReadOnlyList<SpotEvent> Events, string? Problem) Read(byte[] body, DateTimeOffset receivedAt, string? profile)
    {
        var (notice, problem) = Parse(body);
        if (notice is null)
        {
            return ([], problem);
        }

        try
        {
            var items = ListKeys.Select(k => Field(notice, [k])).FirstOrDefault(t => t is not null) switch
            {
                null => [notice],
                JArray { Count: > 0 } list => list.Select(item => item as JObject ?? new JObject { ["server"] = item }).ToList(),
                _ => throw new FormatException($"'{string.Join("' or '", ListKeys)}' must be a non-empty list"),
            };
            var at = When(notice);
            var events = items.Select(item => Event(notice, item, at, receivedAt, profile)).ToList();
            return (events, null);
        }
        catch (FormatException e)
        {
            return ([], e.Message);
        }
    }

    private static SpotEvent Event(JObject notice, JObject item, DateTimeOffset? at, DateTimeOffset receivedAt, string? profile)
    {
        var server = Text(item, item == notice ? ServerKeys : ListedServerKeys);
        var cloudSpace = Text(item, CloudSpaceKeys) ?? Text(notice, CloudSpaceKeys);
        if (server is null && cloudSpace is null)
        {
            throw new FormatException("the notice names no server, node or cloudspace");
        }

        var pool = Text(item, PoolKeys) ?? Text(notice, PoolKeys);
        var when = at is { } instant ? $" at {instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}" : "";
        var subject = server is null ? $"cloudspace {cloudSpace}" : $"server {server}{(cloudSpace is null ? "" : $" of cloudspace {cloudSpace}")}";
        return new SpotEvent
        {
            OccurredAt = receivedAt,
            Type = EventTypes.PreemptionNotice,
            Source = EventTypes.WebhookSource,
            Profile = profile,
            Org = Text(notice, OrgKeys),
            Region = Text(item, RegionKeys) ?? Text(notice, RegionKeys),
            CloudSpace = cloudSpace,
            Pool = pool,
            Server = server,
            Message = $"pre-emption notice for {subject}{when}",
            Data = new JObject { ["preempt_at"] = at?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), ["notice"] = notice },
        };
    }

    private static (JObject? Notice, string? Problem) Parse(byte[] body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, "the body is not valid UTF-8");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "the body is empty, expected a JSON object");
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 32 };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                return (null, "the body is not valid JSON: text after the value");
            }

            return token is JObject notice ? (notice, null) : (null, $"the body must be a JSON object, got {token.Type.ToString().ToLowerInvariant()}");
        }
        catch (JsonException e)
        {
            return (null, $"the body is not valid JSON: {Internal.PrintableText.OneLine(e.Message)}");
        }
    }

    private static DateTimeOffset? When(JObject notice) => Field(notice, TimeKeys) switch
    {
        null or JValue { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Integer or JTokenType.Float } seconds => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds.Value<decimal>() * 1000)),
        JValue { Type: JTokenType.String } text when DateTimeOffset.TryParse(text.Value<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) => instant,
        var other => throw new FormatException($"the pre-emption time must be an ISO 8601 instant or Unix seconds, got {other.ToString(Formatting.None)}"),
    };

    private static string? Text(JObject source, string[] keys) => Field(source, keys) switch
    {
        null or JValue { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.String } text => text.Value<string>() is { Length: > 0 and <= 253 } value ? value : throw new FormatException($"'{keys[0]}' must be a name of 1 to 253 characters"),
        _ => throw new FormatException($"'{keys[0]}' must be a string"),
    };

    private static JToken? Field(JObject source, string[] keys) =>
        keys.Select(k => source.GetValue(k, StringComparison.OrdinalIgnoreCase)).FirstOrDefault(t => t is not null);
}
