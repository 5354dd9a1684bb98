using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace RsSpot.Http;

/// <summary>
/// Outermost handler: stamps every request with our User-Agent and a request id (kept across retries), applies
/// the per-call cache bypass of the current scope, logs the request at Debug (method, path, status, duration; never
/// headers, query or body, which may carry credentials) and records it on the operation's trace span.
/// Runs once per logical call.
/// </summary>
internal sealed class DiagnosticsHandler(string userAgent, ILogger logger) : DelegatingHandler
{
    private static readonly AsyncLocal<bool> BypassScope = new();

    /// <summary>Within the returned scope, every request on this async flow skips the HTTP cache.</summary>
    public static IDisposable BeginCacheBypass()
    {
        var previous = BypassScope.Value;
        BypassScope.Value = true;
        return new Scope(() => BypassScope.Value = previous);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestId = Stamp(request);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return Echo(response, requestId);
        }
        finally
        {
            Record(request, response, started);
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestId = Stamp(request);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = base.Send(request, cancellationToken);
            return Echo(response, requestId);
        }
        finally
        {
            Record(request, response, started);
        }
    }

    private void Record(HttpRequestMessage request, HttpResponseMessage? response, long started)
    {
        SpotTelemetry.RecordResponse(request, response);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            request.Options.TryGetValue(SpotRequestOptions.RetryCount, out var retries);
            logger.LogDebug(
                "{Method} {Path} answered {Status} in {Elapsed} ms ({Retries} retries)",
                request.Method, request.RequestUri?.AbsolutePath, response is null ? "no response" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, retries);
        }
    }

    /// <summary>Errors are built from response headers, so the request id travels back on the response when the server did not echo it.</summary>
    private static HttpResponseMessage Echo(HttpResponseMessage response, string requestId)
    {
        if (!response.Headers.Contains("X-Request-Id"))
        {
            response.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        }

        return response;
    }

    private string Stamp(HttpRequestMessage request)
    {
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.UserAgent.Add(ProductInfoHeaderValue.Parse(userAgent));
        }

        if (!request.Options.TryGetValue(SpotRequestOptions.RequestId, out var requestId))
        {
            requestId = Guid.NewGuid().ToString("N");
            request.Options.Set(SpotRequestOptions.RequestId, requestId);
        }

        request.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        if (BypassScope.Value)
        {
            request.Options.Set(SpotRequestOptions.BypassCache, true);
        }

        return requestId;
    }

    private sealed class Scope(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
