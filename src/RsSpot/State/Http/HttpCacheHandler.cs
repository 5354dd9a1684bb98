using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RsSpot.Http;
using RsSpot.Internal.Diagnostics;

namespace RsSpot.State;

/// <summary>
/// Caches successful GET responses and invalidates them after successful mutations. Place it outside the retry
/// handler so a cache hit costs no retry budget and only the final response is stored. Any cache failure is
/// logged and ignored: the call then simply goes to the server.
/// </summary>
internal sealed class HttpCacheHandler : DelegatingHandler
{
    /// <summary>Header added to replayed responses: <c>hit</c> or <c>revalidated</c>.</summary>
    public const string CacheStatusHeader = "X-RsSpot-Cache";

    // Never replayed: connection-specific or per-response framing.
    private static readonly HashSet<string> SkippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Transfer-Encoding", "Connection", "Keep-Alive", "Content-Length", "Date", CacheStatusHeader,
    };

    private readonly IHttpResponseCache _cache;
    private readonly CacheOptions _options;
    private readonly string _scope;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="cache">Where responses are stored (usually <see cref="StateStore.HttpCache"/>).</param>
    /// <param name="options">TTL rules, size limit and the global on/off switch.</param>
    /// <param name="scope">Identity of the caller, e.g. <c>"&lt;baseUrl&gt;|&lt;profile&gt;|&lt;identity hash&gt;"</c>; entries never cross scopes.</param>
    /// <param name="clock">Clock for expiry; the system clock when null.</param>
    /// <param name="logger">Receives cache failures; silent when null.</param>
    public HttpCacheHandler(IHttpResponseCache cache, CacheOptions options, string scope, TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scope);
        _cache = cache;
        _options = options;
        _scope = scope;
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendCoreAsync(request, async: true, cancellationToken);

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        // With async: false every await below completes synchronously, so this does not block on a pending task.
        SendCoreAsync(request, async: false, cancellationToken).GetAwaiter().GetResult();

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return await SendInnerAsync(request, async, cancellationToken).ConfigureAwait(false);
        }

        if (request.Method != HttpMethod.Get)
        {
            var result = await SendInnerAsync(request, async, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccessStatusCode)
            {
                // Any 2xx, including 204 and empty bodies (the reference skipped those, W5).
                Try(() => _cache.Invalidate(CachePolicy.InvalidationPrefix(uri)), "invalidate");
            }

            return result;
        }

        if (!IsCacheable(request))
        {
            return await SendInnerAsync(request, async, cancellationToken).ConfigureAwait(false);
        }

        var body = request.Content is null ? [] : await ReadAsync(request.Content, async, cancellationToken).ConfigureAwait(false);
        var key = CachePolicy.Key(_scope, request.Method.Method, uri, body);
        var cached = Try(() => _cache.Lookup(key), "read");
        StartupTrace.Mark("HTTP cache looked up");
        var now = _clock.GetUtcNow();
        if (cached is not null && cached.IsFresh(now))
        {
            Try(() => _cache.Record(key, CacheOutcome.Hit), "record");
            return Replay(cached, request, "hit");
        }

        EntityTagHeaderValue? etag = null;
        var revalidating = cached?.ETag is { } tag && EntityTagHeaderValue.TryParse(tag, out etag);
        if (revalidating)
        {
            request.Headers.IfNoneMatch.Add(etag!);
        }

        var response = await SendInnerAsync(request, async, cancellationToken).ConfigureAwait(false);
        var ttl = CachePolicy.Ttl(_options, request.Method.Method, uri.AbsolutePath);
        if (revalidating && response.StatusCode == HttpStatusCode.NotModified)
        {
            response.Dispose();
            Try(() => _cache.Refresh(key, now + ttl), "refresh");
            Try(() => _cache.Record(key, CacheOutcome.Revalidated), "record");
            return Replay(cached!, request, "revalidated");
        }

        Try(() => _cache.Record(key, CacheOutcome.Miss), "record");
        if (!response.IsSuccessStatusCode || ttl <= TimeSpan.Zero || response.Headers.CacheControl?.NoStore == true)
        {
            return response;
        }

        // Generated clients read with ResponseHeadersRead; buffer so the body can be both stored and returned.
        var bytes = await ReadAsync(response.Content, async, cancellationToken).ConfigureAwait(false);
        response.Content = CopyContent(response.Content, bytes);
        var entry = new CachedResponse
        {
            Key = key,
            Scope = _scope,
            Method = request.Method.Method,
            Resource = CachePolicy.Resource(uri),
            StatusCode = (int)response.StatusCode,
            Headers = CaptureHeaders(response),
            Body = bytes,
            ETag = response.Headers.ETag?.ToString(),
            ExpiresAt = now + ttl,
            CreatedAt = now,
        };
        Try(() => _cache.Store(entry, _options.MaxEntries), "write");
        return response;
    }

    private bool IsCacheable(HttpRequestMessage request) =>
        _options.Enabled
        && !(request.Options.TryGetValue(SpotRequestOptions.BypassCache, out var bypass) && bypass)
        && request.Headers.CacheControl?.NoCache != true
        // A caller doing its own conditional request wants the server's answer, not ours.
        && request.Headers.IfNoneMatch.Count == 0;

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken) =>
        async ? base.SendAsync(request, cancellationToken) : Task.FromResult(base.Send(request, cancellationToken));

    private static async Task<byte[]> ReadAsync(HttpContent content, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        using var stream = content.ReadAsStream(cancellationToken);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static ByteArrayContent CopyContent(HttpContent original, byte[] bytes)
    {
        var copy = new ByteArrayContent(bytes);
        foreach (var header in original.Headers.Where(h => !SkippedHeaders.Contains(h.Key)))
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        original.Dispose();
        return copy;
    }

    private static Dictionary<string, string[]> CaptureHeaders(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !SkippedHeaders.Contains(h.Key))
            .ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);

    private static HttpResponseMessage Replay(CachedResponse cached, HttpRequestMessage request, string status)
    {
        var response = new HttpResponseMessage((HttpStatusCode)cached.StatusCode)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(cached.Body.ToArray()),
        };
        foreach (var (name, values) in cached.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, values))
            {
                response.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        response.Headers.TryAddWithoutValidation(CacheStatusHeader, status);
        return response;
    }

    private T? Try<T>(Func<T> operation, string what)
    {
        try
        {
            return operation();
        }
#pragma warning disable CA1031 // A cache must never fail the call it is caching.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning("HTTP cache {Operation} failed; continuing without the cache: {Error}", what, ex.Message);
            return default;
        }
    }

    private void Try(Action operation, string what) => Try(() =>
    {
        operation();
        return true;
    }, what);
}
