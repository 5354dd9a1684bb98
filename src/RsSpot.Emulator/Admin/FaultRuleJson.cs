using System.Text;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Admin;

/// <summary>
/// A <see cref="FaultRule"/> as the admin surface reads and lists it (<c>POST /_emulator/faults</c>). Durations are
/// in milliseconds (<c>stallMs</c> -1: until the client gives up); a reply body is text or base64 for binary.
/// </summary>
internal static class FaultRuleJson
{
    private static readonly JObject Schema = JObject.Parse("""
        {
          "type": "object",
          "properties": {
            "route": { "type": "string" },
            "name": { "type": "string" },
            "status": { "type": "integer", "format": "int32" },
            "count": { "type": "integer", "format": "int32" },
            "probability": { "type": "number" },
            "retryAfterSeconds": { "type": "integer", "format": "int32" },
            "latencyMs": { "type": "number" },
            "expireTokens": { "type": "boolean" },
            "applyThenFail": { "type": "boolean" },
            "replyBody": { "type": "string" },
            "replyBodyBase64": { "type": "string" },
            "replyContentType": { "type": "string" },
            "drop": { "type": "boolean" },
            "hang": { "type": "boolean" },
            "stallMs": { "type": "number" },
            "reset": { "type": "boolean" },
            "partialBodyBytes": { "type": "integer", "format": "int32" }
          }
        }
        """);

    /// <summary>The rule a request body describes, or why it describes none.</summary>
    public static (FaultRule? Rule, string? Problem) Read(byte[] body)
    {
        var read = JsonBody.Read(body, Schema);
        if (read.Problem is not null || read.Errors.Count > 0)
        {
            return (null, read.Problem ?? FieldError.Summary(read.Errors));
        }

        try
        {
            var rule = FromJson(read.Object!);
            return (rule, rule.Problem());
        }
        catch (FormatException)
        {
            return (null, "replyBodyBase64: expected base64");
        }
        catch (OverflowException)
        {
            return (null, "latencyMs and stallMs must be durations a TimeSpan can hold");
        }
    }

    public static JObject Write(FaultRule rule) => new()
    {
        ["route"] = rule.Route,
        ["name"] = rule.Name,
        ["status"] = rule.StatusCode,
        ["count"] = rule.Count,
        ["probability"] = rule.Probability,
        ["retryAfterSeconds"] = rule.RetryAfterSeconds,
        ["latencyMs"] = rule.Latency.TotalMilliseconds,
        ["expireTokens"] = rule.ExpireTokens,
        ["applyThenFail"] = rule.ApplyThenFail,
        ["replyBodyBase64"] = rule.ReplyBody is { } body ? Convert.ToBase64String([.. body]) : null,
        ["replyContentType"] = rule.ReplyContentType,
        ["drop"] = rule.DropConnection,
        ["hang"] = rule.Hang,
        ["stallMs"] = rule.StallBody is { } stall ? (stall == Timeout.InfiniteTimeSpan ? -1 : stall.TotalMilliseconds) : null,
        ["reset"] = rule.ResetConnection,
        ["partialBodyBytes"] = rule.PartialBodyBytes,
    };

    private static FaultRule FromJson(JObject json)
    {
        var stall = Milliseconds(json, "stallMs");
        return new FaultRule
        {
            Route = json.Value<string>("route") ?? "*",
            Name = json.Value<string>("name"),
            StatusCode = json.Value<int?>("status"),
            Count = json.Value<int?>("count"),
            Probability = json.Value<double?>("probability"),
            RetryAfterSeconds = json.Value<int?>("retryAfterSeconds"),
            Latency = Milliseconds(json, "latencyMs") ?? TimeSpan.Zero,
            ExpireTokens = json.Value<bool?>("expireTokens") ?? false,
            ApplyThenFail = json.Value<bool?>("applyThenFail") ?? false,
            ReplyBody = json.Value<string>("replyBodyBase64") is { } base64 ? Convert.FromBase64String(base64)
                : json.Value<string>("replyBody") is { } text ? Encoding.UTF8.GetBytes(text)
                : null,
            ReplyContentType = json.Value<string>("replyContentType"),
            DropConnection = json.Value<bool?>("drop") ?? false,
            Hang = json.Value<bool?>("hang") ?? false,
            StallBody = stall < TimeSpan.Zero ? Timeout.InfiniteTimeSpan : stall,
            ResetConnection = json.Value<bool?>("reset") ?? false,
            PartialBodyBytes = json.Value<int?>("partialBodyBytes") ?? 0,
        };
    }

    private static TimeSpan? Milliseconds(JObject json, string name) =>
        json.Value<double?>(name) is { } milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null;
}
