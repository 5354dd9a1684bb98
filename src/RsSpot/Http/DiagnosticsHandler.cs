using System.Net.Http.Headers;

namespace RsSpot.Http;

/// <summary>
/// Outermost handler: stamps every request with our User-Agent and a request id (kept across retries), and applies
/// the per-call cache bypass of the current scope. Runs once per logical call.
/// </summary>
internal sealed class DiagnosticsHandler(string userAgent) : DelegatingHandler
{
    private static readonly AsyncLocal<bool> BypassScope = new();

    /// <summary>Within the returned scope, every request on this async flow skips the HTTP cache.</summary>
    public static IDisposable BeginCacheBypass()
    {
        var previous = BypassScope.Value;
        BypassScope.Value = true;
        return new Scope(() => BypassScope.Value = previous);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Stamp(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Stamp(request);
        return base.Send(request, cancellationToken);
    }

    private void Stamp(HttpRequestMessage request)
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
    }

    private sealed class Scope(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
