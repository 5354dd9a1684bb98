using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using RsSpot.OpenApiTools.Documents;

namespace RsSpot.OpenApiTools.Sync;

/// <summary>A document fetched from one candidate URL.</summary>
/// <param name="Source">The URL that answered.</param>
/// <param name="Document">The parsed document (JSON or YAML, as served).</param>
/// <param name="SourceSha256">Lower-case hex SHA-256 of the bytes served.</param>
/// <param name="FetchedAt">When the response was read.</param>
public sealed record FetchedDocument(Uri Source, JsonObject Document, string SourceSha256, DateTimeOffset FetchedAt);

/// <summary>
/// Downloads the upstream OpenAPI document from the first candidate URL that serves one. Each URL gets its
/// own timeout; a failure (HTTP status, timeout, network error, not an OpenAPI document) moves on to the
/// next candidate, and when all fail the exception lists every URL with its reason.
/// </summary>
public sealed class OpenApiFetcher
{
    /// <summary>Time allowed for each candidate URL when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="http">The client used for every request (not disposed by the fetcher).</param>
    /// <param name="perUrlTimeout">Time allowed per candidate; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="timeProvider">Clock for timeouts and <see cref="FetchedDocument.FetchedAt"/>; the system clock when null.</param>
    public OpenApiFetcher(HttpClient http, TimeSpan? perUrlTimeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _timeout = perUrlTimeout ?? DefaultTimeout;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Tries <paramref name="candidates"/> in order and returns the first OpenAPI document served.</summary>
    /// <param name="candidates">URLs to try, in order.</param>
    /// <param name="bearerToken">
    /// Optional token sent as <c>Authorization: Bearer</c>. It is only sent over HTTPS or to a loopback
    /// host, and it never appears in any message.
    /// </param>
    /// <param name="cancellationToken">Cancels the whole fetch.</param>
    /// <exception cref="OpenApiFetchException">No candidate served a document.</exception>
    public async Task<FetchedDocument> FetchAsync(
        IReadOnlyList<Uri> candidates, string? bearerToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var failures = new List<FetchAttempt>();
        foreach (var url in candidates)
        {
            using var timeout = new CancellationTokenSource(_timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                var body = await DownloadAsync(url, bearerToken, linked.Token).ConfigureAwait(false);
                var document = OpenApiDocumentReader.Read(body);
                return new FetchedDocument(url, document, Convert.ToHexStringLower(SHA256.HashData(body)), _time.GetUtcNow());
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failures.Add(new FetchAttempt(url, $"timed out after {_timeout.TotalSeconds:0.###} s"));
            }
            catch (HttpRequestException e)
            {
                failures.Add(new FetchAttempt(url, e.StatusCode is { } status ? Describe(status) : $"request failed: {e.Message}"));
            }
            catch (InvalidDataException e)
            {
                failures.Add(new FetchAttempt(url, e.Message));
            }
        }

        throw new OpenApiFetchException(failures);
    }

    private async Task<byte[]> DownloadAsync(Uri url, string? bearerToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("application/yaml;q=0.9");
        request.Headers.Accept.ParseAdd("*/*;q=0.5");
        if (!string.IsNullOrEmpty(bearerToken) && MayCarryToken(url))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(Describe(response.StatusCode), null, response.StatusCode);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    // A token must not cross the network in clear text; loopback stays on the machine (local mirrors, tests).
    private static bool MayCarryToken(Uri url) => url.Scheme == Uri.UriSchemeHttps || url.IsLoopback;

    private static string Describe(HttpStatusCode status) => $"HTTP {(int)status} {status}";
}
