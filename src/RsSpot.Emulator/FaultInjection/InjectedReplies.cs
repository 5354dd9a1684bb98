using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;

namespace RsSpot.Emulator.FaultInjection;

/// <summary>The replies a fault answers with: a raw body as given, or a status worded as the real server words it.</summary>
internal static class InjectedReplies
{
    /// <summary>The fault's own reply, or null when it keeps the real one.</summary>
    public static EmulatorResponse? For(EmulatorRequest request, FaultRule fault)
    {
        var headers = new Dictionary<string, string>();
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            headers["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (fault.ReplyBody is { } body)
        {
            return new EmulatorResponse(fault.StatusCode ?? 200, [.. body], fault.ReplyContentType, headers);
        }

        return fault.StatusCode is { } status ? Failure(request, status, fault.RetryAfterSeconds, headers) : null;
    }

    /// <summary>An OAuth error on the token endpoint, a Kubernetes Status everywhere else.</summary>
    private static EmulatorResponse Failure(EmulatorRequest request, int status, int? retryAfter, Dictionary<string, string> headers)
    {
        if (request.Path == "/oauth/token")
        {
            var error = status == 429 ? "too_many_requests" : "server_error";
            return Respond.Json(status, new JObject { ["error"] = error, ["error_description"] = $"Injected fault ({status})." }, headers);
        }

        var reason = status switch
        {
            429 => "TooManyRequests",
            503 => "ServiceUnavailable",
            >= 500 => "InternalError",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "NotFound",
            409 => "Conflict",
            _ => "BadRequest",
        };
        var details = retryAfter is { } delay ? new JObject { ["retryAfterSeconds"] = delay } : null;
        return Respond.Status(status, reason, $"Injected fault: {reason} ({status})", details, headers);
    }
}
