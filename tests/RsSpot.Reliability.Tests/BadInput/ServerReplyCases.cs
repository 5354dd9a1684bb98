using System.Text;
using RsSpot.Emulator;
using static RsSpot.Reliability.Tests.BadInput.BadInputCase;

namespace RsSpot.Reliability.Tests.BadInput;

/// <summary>What a server (or something pretending to be one) can answer: Spot errors keep their meaning, anything else is an unexpected reply (1).</summary>
public static class ServerReplyCases
{
    private const string Regions = "GET /apis/ngpc.rxt.io/v1/regions";
    private const string Token = "POST /oauth/token";

    public static IEnumerable<BadInputCase> All()
    {
        (string Name, int Code, FaultRule Fault, string? Containing)[] cases =
        [
            ("an HTML page with 200", Failure, Reply(Regions, 200, "text/html", "<html><title>Portal</title></html>"), "unexpected reply"),
            ("an HTML page with 502", Failure, Reply(Regions, 502, "text/html", "<html><title>502</title></html>"), "HTTP 502"),
            ("binary garbage", Failure, Reply(Regions, 200, "application/octet-stream", "\u0000\u0001\u0002\u001b[2J\u0007\u00ff\u00fe"), "unexpected reply"),
            ("plain text", Failure, Reply(Regions, 200, "text/plain", "OK"), "unexpected reply"),
            ("truncated JSON", Failure, Reply(Regions, 200, "application/json", "{\"items\": ["), null),
            ("a JSON string where a list belongs", Failure, Reply(Regions, 200, "application/json", "[\"a\", 1]"), null),
            ("a JSON error that is not a Spot Status", Failure, Reply(Regions, 500, "application/json", "{\"oops\": true}"), "unexpected reply"),
            ("escape sequences in a Status message", Failure, Reply(Regions, 500, "application/json", "{\"kind\":\"Status\",\"message\":\"bad \\u001b[31mred\\u0007 day\",\"code\":500}"), "red day"),
            ("a 401 Status", Authentication, Status(Regions, 401, "Unauthorized"), null),
            ("a 403 Status", Authentication, Status(Regions, 403, "Forbidden"), null),
            ("a 404 Status", NotFound, Status(Regions, 404, "NotFound"), null),
            ("a 409 Status", Failure, Status(Regions, 409, "Conflict"), null),
            ("a 422 Status", Usage, Status(Regions, 422, "Invalid"), null),
            ("a 500 Status", Failure, Status(Regions, 500, "InternalError"), null),
            ("an empty 500", Failure, Reply(Regions, 500, null, ""), "HTTP 500"),
            ("a 503 asking to wait an hour", Failure, new FaultRule { Route = Regions, StatusCode = 503, RetryAfterSeconds = 3600 }, null),
            ("a 429 asking to wait an hour", Failure, new FaultRule { Route = Regions, StatusCode = 429, RetryAfterSeconds = 3600 }, null),
            ("a rejected refresh token", Authentication, Reply(Token, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}"), "authentication failed"),
            ("an HTML page from the token endpoint", Failure, Reply(Token, 200, "text/html", "<html><title>Login</title></html>"), "unexpected reply"),
            ("garbage from the token endpoint", Failure, Reply(Token, 200, "application/json", "\u0000\u0001garbage"), "unexpected reply"),
            ("a token reply without an id_token", Authentication, Reply(Token, 200, "application/json", "{\"token_type\":\"Bearer\"}"), null),
            ("a token endpoint that is down", Failure, new FaultRule { Route = Token, StatusCode = 503 }, null),
            ("a connection dropped by the token endpoint", Failure, new FaultRule { Route = Token, DropConnection = true }, "127.0.0.1"),
            ("a reset from the API", Failure, new FaultRule { Route = Regions, ResetConnection = true }, "127.0.0.1"),
            ("a body stalled past the deadline", Failure, new FaultRule { Route = Regions, StallBody = Timeout.InfiniteTimeSpan, PartialBodyBytes = 2 }, "no complete response"),
        ];
        return cases.Select(c => new BadInputCase($"server reply: {c.Name}", c.Code, ["--timeout", "3", "--no-cache", "regions", "list"], lab =>
        {
            lab.Emulator.Faults.Add(c.Fault);
            return Task.CompletedTask;
        }, c.Containing));
    }

    private static FaultRule Reply(string route, int status, string? contentType, string body) =>
        new() { Route = route, StatusCode = status, ReplyContentType = contentType, ReplyBody = Encoding.UTF8.GetBytes(body) };

    private static FaultRule Status(string route, int status, string reason) =>
        Reply(route, status, "application/json", $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"{{reason}}","message":"the server says {{reason}}","code":{{status}}}""");
}
