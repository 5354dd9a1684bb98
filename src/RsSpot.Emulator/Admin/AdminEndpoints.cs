using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;

namespace RsSpot.Emulator.Admin;

/// <summary>
/// The test-control surface under <c>/_emulator/</c> (not part of the Spot API): faults, journal, reset and
/// token expiry. It bypasses faults, authentication and the journal.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/_emulator/";

    public static EmulatorResponse Handle(SpotEmulator emulator, EmulatorRequest request)
    {
        switch (request.Method, request.Path[Prefix.Length..].TrimEnd('/'))
        {
            case ("GET", "faults"):
                return Respond.Json(200, new JArray(emulator.Faults.Active.Select(ToJson)));
            case ("POST", "faults"):
                return AddFault(emulator, request);
            case ("DELETE", "faults"):
                emulator.Faults.Clear();
                return new EmulatorResponse(204);
            case ("GET", "journal"):
                return Respond.Json(200, new JArray(emulator.Journal.Select(ToJson)));
            case ("DELETE", "journal"):
                emulator.ClearJournal();
                return new EmulatorResponse(204);
            case ("POST", "reset"):
                emulator.Reset();
                return new EmulatorResponse(204);
            case ("POST", "expire-tokens"):
                emulator.ExpireAllTokens();
                return new EmulatorResponse(204);
            default:
                return Respond.Status(404, "NotFound", $"no emulator admin endpoint {request.Method} {request.Path}");
        }
    }

    private static EmulatorResponse AddFault(SpotEmulator emulator, EmulatorRequest request)
    {
        if (Validation.JsonBody.Read(request.BodyBytes, null).Object is not { } body)
        {
            return Respond.BadRequest("the fault must be a JSON object");
        }

        var rule = new FaultRule
        {
            Route = body.Value<string>("route") ?? "*",
            StatusCode = body.Value<int?>("status"),
            Count = body.Value<int?>("count"),
            RetryAfterSeconds = body.Value<int?>("retryAfterSeconds"),
            Latency = TimeSpan.FromMilliseconds(body.Value<double?>("latencyMs") ?? 0),
            DropConnection = body.Value<bool?>("drop") ?? false,
            ExpireTokens = body.Value<bool?>("expireTokens") ?? false,
        };
        if (rule.Count is <= 0)
        {
            return Respond.BadRequest("count must be positive");
        }

        emulator.Faults.Add(rule);
        return Respond.Json(201, ToJson(rule));
    }

    private static JObject ToJson(FaultRule rule) => new()
    {
        ["route"] = rule.Route,
        ["status"] = rule.StatusCode,
        ["count"] = rule.Count,
        ["retryAfterSeconds"] = rule.RetryAfterSeconds,
        ["latencyMs"] = rule.Latency.TotalMilliseconds,
        ["drop"] = rule.DropConnection,
        ["expireTokens"] = rule.ExpireTokens,
    };

    private static JObject ToJson(JournalEntry entry) => new()
    {
        ["at"] = RequestContext.Format(entry.At),
        ["method"] = entry.Method,
        ["path"] = entry.PathAndQuery,
        ["headers"] = JObject.FromObject(entry.Headers),
        ["body"] = entry.Body,
        ["status"] = entry.StatusCode,
    };
}
