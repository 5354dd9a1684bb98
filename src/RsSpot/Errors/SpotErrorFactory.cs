using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using RsSpot.Api;

namespace RsSpot;

/// <summary>
/// Turns failed HTTP responses (from the generated client or raw requests) into the public exception types.
/// Messages come from the Kubernetes Status (or OAuth error) body; raw bodies are never copied wholesale and never
/// attached as inner exceptions, and both anything token-shaped and the client's own secrets (its refresh token, which
/// an identity provider may echo back) are masked, so credentials cannot leak into error text or logs.
/// </summary>
/// <param name="secrets">The credentials this client holds; each is replaced by <c>&lt;redacted&gt;</c> wherever it appears.</param>
internal sealed partial class SpotErrorFactory(IEnumerable<string?> secrets)
{
    private readonly string[] _secrets = [.. secrets.OfType<string>().Where(s => s.Length >= 8).Distinct(StringComparer.Ordinal)];

    public SpotException FromApiException(SpotApiException e, string? requestId = null) =>
        e.StatusCode is >= 200 and < 300
            ? new SpotException($"the server sent a response RsSpot could not read: {Mask(FirstLine(e.Message))}")
            : Create(e.StatusCode, Describe(e), e.Headers, requestId);

    public SpotException FromTokenExchange(SpotApiException e)
    {
        var (reason, message) = Describe(e);
        var text = $"authentication failed (HTTP {e.StatusCode}{(reason is null ? "" : " " + reason)}): {message ?? "the identity provider rejected the refresh token"}";
        return e.StatusCode is >= 500 or 429
            ? new SpotException(text, (HttpStatusCode)e.StatusCode, reason, null)
            : new SpotAuthenticationException(text, (HttpStatusCode)e.StatusCode, reason, null);
    }

    public SpotException FromResponse(int status, string? body, IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? requestId) =>
        Create(status, Describe(body), headers, requestId);

    private static SpotException Create(int status, (string? Reason, string? Message) description, IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? requestId, Exception? inner = null)
    {
        var (reason, message) = description;
        var code = (HttpStatusCode)status;
        requestId = Header(headers, "X-Request-Id") ?? requestId;
        var text = $"{message ?? DefaultMessage(code)} (HTTP {status}{(reason is null ? "" : " " + reason)})";
        return status switch
        {
            400 or 422 => new SpotValidationException(text, code, reason, requestId, inner),
            401 or 403 => new SpotAuthenticationException(text, code, reason, requestId, inner),
            404 => new SpotNotFoundException(text, code, reason, requestId, inner),
            409 => new SpotConflictException(text, code, reason, requestId, inner),
            429 => new SpotRateLimitException(text, RetryAfter(headers), requestId, inner),
            _ => new SpotException(text, code, reason, requestId, inner),
        };
    }

    /// <summary>Reason and message of a generated-client failure: from its typed body when the schema matched, else its text.</summary>
    private (string? Reason, string? Message) Describe(SpotApiException e) => e switch
    {
        SpotApiException<Status> { Result: { } status } => (NullIfEmpty(status.Reason), status.Message is null ? null : Mask(status.Message)),
        SpotApiException<OAuthError> { Result: { } error } => (NullIfEmpty(error.Error), error.Error_description is null ? null : Mask(error.Error_description)),
        _ => Describe(e.Response),
    };

    /// <summary>Reads reason and message from a Status body or an OAuth error body.</summary>
    internal (string? Reason, string? Message) Describe(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            if (JToken.Parse(body) is JObject json)
            {
                var reason = json.Value<string>("reason") ?? json.Value<string>("error");
                var message = json.Value<string>("message") ?? json.Value<string>("error_description");
                return (NullIfEmpty(reason), message is null ? null : Mask(message));
            }
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Not JSON (a proxy's HTML page, say): fall back to the first line of text.
        }

        // Mask before truncating: a token cut in half would no longer look like one.
        var line = Mask(FirstLine(body));
        return (null, line.Length == 0 ? null : line.Length > 200 ? line[..200] + "…" : line);
    }

    /// <summary>Masks JWTs, bearer values and this client's secrets that a server might echo back.</summary>
    internal string Mask(string text) => _secrets.Aggregate(TokenPattern().Replace(text, "<redacted>"), (masked, secret) => masked.Replace(secret, "<redacted>", StringComparison.Ordinal));

    private static string DefaultMessage(HttpStatusCode code) => code switch
    {
        HttpStatusCode.Unauthorized => "the id_token was rejected",
        HttpStatusCode.Forbidden => "access denied",
        HttpStatusCode.NotFound => "not found",
        HttpStatusCode.TooManyRequests => "rate limited by the server",
        _ => $"request failed: {code}",
    };

    private static TimeSpan? RetryAfter(IReadOnlyDictionary<string, IEnumerable<string>>? headers) =>
        Header(headers, "Retry-After") is { } value && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string? Header(IReadOnlyDictionary<string, IEnumerable<string>>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|(?i:bearer)\s+[A-Za-z0-9._~+/=-]{16,}")]
    private static partial Regex TokenPattern();
}
