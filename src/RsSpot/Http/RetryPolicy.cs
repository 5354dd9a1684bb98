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
            // A connection that was never established cannot have delivered the request, so even a POST may be resent.
            return replaySafe
                ? exception is HttpRequestException or TimeoutException
                : exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
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
