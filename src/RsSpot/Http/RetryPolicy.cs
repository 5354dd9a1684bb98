using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace RsSpot.Http;

/// <summary>
/// The decisions of the retry handler, kept free of I/O so they can be tested directly: which outcomes are retried,
/// whether a request may be sent twice, and how long to wait.
/// </summary>
internal sealed class RetryPolicy(RetryOptions options, Func<double> random)
{
    /// <summary>POSTs that change nothing on the server (or are safe to repeat) and may be resent after any failure.</summary>
    private static readonly string[] ReplaySafePostSuffixes = ["/oauth/token", "/generate-kubeconfig"];

    public RetryOptions Options => options;

    /// <summary>
    /// True when sending the request again cannot cause a second side effect: every method except POST is
    /// idempotent in the Spot API (merge patches and PUTs converge), and two POSTs are known to be safe.
    /// </summary>
    public static bool IsReplaySafe(HttpRequestMessage request) =>
        request.Method != HttpMethod.Post
        || ReplaySafePostSuffixes.Any(suffix => request.RequestUri?.AbsolutePath.EndsWith(suffix, StringComparison.Ordinal) == true
            || request.RequestUri?.OriginalString.EndsWith(suffix.TrimStart('/'), StringComparison.Ordinal) == true);

    /// <summary>Whether this outcome of an attempt should be retried (attempt limits are enforced by the caller).</summary>
    public bool ShouldRetry(HttpResponseMessage? response, Exception? exception, bool replaySafe)
    {
        if (exception is not null)
        {
            // A request that never reached the server (no connection) may be resent whatever it does; one that may
            // have reached it only when sending it twice cannot cause a second side effect.
            return exception is SpotNetworkException { RetriesExhausted: false } network && (replaySafe || !network.OutcomeUnknown);
        }

        if (response is null || !options.RetryStatuses.Contains((int)response.StatusCode))
        {
            return false;
        }

        if (RetryAfter(response) is { } wait && wait > options.MaxRetryAfter)
        {
            return false;
        }

        // 429 and 408 mean the server refused the request before acting on it; other statuses may follow a side effect.
        return replaySafe || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
    }

    /// <summary>Whether a failed attempt may have reached the server and taken effect (a 5xx, or a network failure after sending).</summary>
    public static bool MayHaveApplied(HttpResponseMessage? response, Exception? exception) =>
        exception is SpotNetworkException { OutcomeUnknown: true } || (int?)response?.StatusCode >= 500;

    /// <summary>
    /// A DELETE that is answered 404 after an earlier attempt may have taken effect has done what was asked: the
    /// lost reply was the deletion. Answering "not found" would fail a call that succeeded, so the 404 becomes the
    /// Status a deletion returns. Any other outcome is returned as it is.
    /// </summary>
    public static HttpResponseMessage SettleRetriedDelete(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (request.Method != HttpMethod.Delete || response.StatusCode != HttpStatusCode.NotFound)
        {
            return response;
        }

        var settled = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = response.RequestMessage,
            Content = new StringContent(
                """{"kind":"Status","apiVersion":"v1","status":"Success","reason":"Deleted","message":"deleted by an earlier attempt whose reply was lost","code":200}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        foreach (var header in response.Headers)
        {
            settled.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Dispose();
        return settled;
    }

    /// <summary>Delay before retry number <paramref name="retry"/> (1-based): Retry-After when sent, else capped exponential backoff with jitter.</summary>
    public TimeSpan Delay(int retry, HttpResponseMessage? response)
    {
        if (response is not null && RetryAfter(response) is { } requested)
        {
            return requested < TimeSpan.Zero ? TimeSpan.Zero : requested;
        }

        var exponential = options.BaseDelay.TotalSeconds * Math.Pow(2, retry - 1);
        var capped = Math.Min(exponential, options.MaxDelay.TotalSeconds);
        var spread = options.Jitter <= 0 ? 0 : ((random() * 2) - 1) * options.Jitter * capped;
        return TimeSpan.FromSeconds(Math.Max(0, capped + spread));
    }

    /// <summary>Reads Retry-After as delta-seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset? now = null)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            return date - (now ?? DateTimeOffset.UtcNow);
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
    }
}
