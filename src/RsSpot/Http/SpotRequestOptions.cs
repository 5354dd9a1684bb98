namespace RsSpot.Http;

/// <summary>Per-request switches carried in <see cref="HttpRequestMessage.Options"/> through the RsSpot pipeline.</summary>
internal static class SpotRequestOptions
{
    /// <summary>Set to true to skip the HTTP cache for this request (read and write).</summary>
    public static readonly HttpRequestOptionsKey<bool> BypassCache = new("RsSpot.BypassCache");

    /// <summary>Number of retries the retry handler performed (read it after the call, e.g. for tracing).</summary>
    public static readonly HttpRequestOptionsKey<int> RetryCount = new("RsSpot.RetryCount");

    /// <summary>Request id sent as X-Request-Id and reported in errors.</summary>
    public static readonly HttpRequestOptionsKey<string> RequestId = new("RsSpot.RequestId");
}
