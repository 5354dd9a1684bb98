using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Admin;

/// <summary>
/// The test-control surface under <c>/_emulator/</c> (not part of the Spot API): faults, journal, reset,
/// token expiry, the seed of probabilistic faults, the pins that hold objects in a chosen state, and the market
/// (<see cref="MarketAdmin"/>). It bypasses faults, authentication and the journal.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/_emulator/";

    private static readonly JObject SeedSchema = JObject.Parse("""
        { "type": "object", "required": ["seed"], "properties": { "seed": { "type": "integer", "format": "int32" } } }
        """);

    public static EmulatorResponse Handle(SpotEmulator emulator, EmulatorRequest request)
    {
        var path = request.Path[Prefix.Length..].TrimEnd('/');
        if (MarketAdmin.Handle(emulator, request.Method, path, request.BodyBytes) is { } market)
        {
            return market;
        }

        switch (request.Method, path)
        {
            case ("GET", "faults"):
                return Respond.Json(200, new JArray(emulator.Faults.Active.Select(FaultRuleJson.Write)));
            case ("POST", "faults"):
                return AddFault(emulator, request);
            case ("DELETE", "faults"):
                emulator.Faults.Clear();
                return new EmulatorResponse(204);
            case ("GET", "faults/seed"):
                return Respond.Json(200, new JObject { ["seed"] = emulator.Faults.Seed });
            case ("POST", "faults/seed"):
                return Reseed(emulator, request);
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
            case ("GET", "pins"):
                return Respond.Json(200, new JArray(emulator.Pins.Select(PinJson.Write)));
            case ("POST", "pins"):
                return ChangePin(request, pin => Respond.Json(201, PinJson.Write(emulator.Pin(pin))));
            case ("POST", "pins/release"):
                return ChangePin(request, pin => Respond.Json(200, new JObject { ["released"] = emulator.Release(pin) }));
            case ("DELETE", "pins"):
                emulator.ReleaseAllPins();
                return new EmulatorResponse(204);
            default:
                return Respond.Status(404, "NotFound", $"no emulator admin endpoint {request.Method} {request.Path}");
        }
    }

    private static EmulatorResponse AddFault(SpotEmulator emulator, EmulatorRequest request)
    {
        var (rule, problem) = FaultRuleJson.Read(request.BodyBytes);
        if (problem is not null)
        {
            return Respond.BadRequest("invalid fault: " + problem);
        }

        emulator.Faults.Add(rule!);
        return Respond.Json(201, FaultRuleJson.Write(rule!));
    }

    private static EmulatorResponse ChangePin(EmulatorRequest request, Func<ResourcePin, EmulatorResponse> change)
    {
        var (pin, problem) = PinJson.Read(request.BodyBytes);
        if (problem is not null)
        {
            return Respond.BadRequest("invalid pin: " + problem);
        }

        try
        {
            return change(pin!);
        }
        catch (ArgumentException e)
        {
            return Respond.BadRequest("invalid pin: " + e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static EmulatorResponse Reseed(SpotEmulator emulator, EmulatorRequest request)
    {
        var read = JsonBody.Read(request.BodyBytes, SeedSchema, SchemaChecks.Required);
        if (read.Problem is not null || read.Errors.Count > 0)
        {
            return Respond.BadRequest("invalid seed: " + (read.Problem ?? FieldError.Summary(read.Errors)));
        }

        emulator.Faults.Reseed(read.Object!.Value<int>("seed"));
        return new EmulatorResponse(204);
    }

    private static JObject ToJson(JournalEntry entry) => new()
    {
        ["at"] = RequestContext.Format(entry.At),
        ["method"] = entry.Method,
        ["path"] = entry.PathAndQuery,
        ["headers"] = JObject.FromObject(entry.Headers),
        ["body"] = entry.Body,
        ["status"] = entry.StatusCode,
        ["processedStatus"] = entry.ProcessedStatusCode,
        ["fault"] = entry.Fault is { } fault ? FaultRuleJson.Write(fault) : null,
    };
}
