using System.Collections.Concurrent;
using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace RsSpot.Tests.Support;

/// <summary>
/// A MockHttp-backed Spot API for client tests: a working token endpoint (counting exchanges), a record of every
/// request (with its body), and helpers to answer routes with samples, statuses or sequences.
/// </summary>
public sealed class FakeSpotApi : IDisposable
{
    public const string BaseUrl = "https://spot.test";
    public const string OAuthUrl = "https://login.test";
    public const string FeedUrl = "https://feeds.test";
    public const string RefreshToken = "refresh-token-for-tests-0123456789";

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpResponseMessage, Exception> _failures = [];
    private readonly ConcurrentQueue<string> _presentedRefreshTokens = new();
    private int _exchanges;

    public FakeSpotApi(TestClock clock)
    {
        Clock = clock;
        Transport = new FailureReplayingHandler(this) { InnerHandler = Handler };
        Handler.Fallback.Respond(request => Respond(HttpStatusCode.NotFound, $$"""{"kind":"Status","status":"Failure","reason":"NotFound","message":"no fake route for {{request.Method}} {{request.RequestUri!.PathAndQuery}}","code":404}"""));
        Handler.When(HttpMethod.Post, $"{OAuthUrl}/oauth/token").Respond(async request =>
        {
            Interlocked.Increment(ref _exchanges);
            var form = System.Web.HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync().ConfigureAwait(false));
            _presentedRefreshTokens.Enqueue(form["refresh_token"] ?? "");
            if (!RotateRefreshTokens)
            {
                return Respond(HttpStatusCode.OK, $$"""{"id_token":"{{NextToken()}}","access_token":"opaque","expires_in":86400,"token_type":"Bearer"}""");
            }

            var rotated = $"rotated-refresh-{_presentedRefreshTokens.Count}";
            return Respond(HttpStatusCode.OK, $$"""{"id_token":"{{NextToken()}}","refresh_token":"{{rotated}}","expires_in":86400,"token_type":"Bearer"}""");
        });
    }

    public TestClock Clock { get; }

    public MockHttpMessageHandler Handler { get; } = new();

    /// <summary>The handler clients use: the mock, plus transport failures a response function asked for.</summary>
    public HttpMessageHandler Transport { get; }

    /// <summary>Lifetime of the id_tokens the token endpoint issues.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    public int TokenExchanges => Volatile.Read(ref _exchanges);

    /// <summary>When set, every exchange answers with a new refresh token (rotation).</summary>
    public bool RotateRefreshTokens { get; set; }

    /// <summary>The refresh tokens presented to the token endpoint, in order.</summary>
    public IReadOnlyList<string> PresentedRefreshTokens => [.. _presentedRefreshTokens];

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests other than token exchanges.</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => Requests.Where(r => !r.Uri.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal)).ToList();

    public string NextToken() => TestJwt.Create(Clock.GetUtcNow() + TokenLifetime);

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (absolute path, query ignored) with a sample file.</summary>
    public void Sample(HttpMethod method, string path, string sample, HttpStatusCode status = HttpStatusCode.OK) =>
        Sequence(method, path, (status, SampleData.Read(sample)));

    /// <summary>Answers successive calls with successive responses (the last one repeats).</summary>
    public void Sequence(HttpMethod method, string path, params (HttpStatusCode Status, string Body)[] responses) =>
        Sequence(method, path, responses.Select(r => (Func<HttpResponseMessage>)(() => Respond(r.Status, r.Body))).ToArray());

    public void Sequence(HttpMethod method, string path, params Func<HttpResponseMessage>[] responses)
    {
        var calls = 0;
        Handler.When(method, BaseOf(path) + path).Respond(async request =>
        {
            await Record(request).ConfigureAwait(false);
            var index = Math.Min(Interlocked.Increment(ref calls) - 1, responses.Length - 1);
            try
            {
                return responses[index]();
            }
            catch (Exception e)
            {
                // MockHttp never completes a request whose responder throws; surface the failure through the outer handler instead.
                var marker = new HttpResponseMessage(HttpStatusCode.InternalServerError);
                _failures.Add(marker, e);
                return marker;
            }
        });
    }

    public static HttpResponseMessage Respond(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Status(HttpStatusCode status, string reason, string message) =>
        Respond(status, $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"{{reason}}","message":"{{message}}","code":{{(int)status}}}""");

    public void Dispose()
    {
        Transport.Dispose();
    }

    internal bool TryGetFailure(HttpResponseMessage response, out Exception failure) => _failures.TryGetValue(response, out failure!);

    private static string BaseOf(string path) =>
        path.StartsWith("/history/", StringComparison.Ordinal) || path is "/percentiles.json" or "/comparable_prices.json" ? FeedUrl : BaseUrl;

    private async Task Record(HttpRequestMessage request)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
        _requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.Parameter, request.Content?.Headers.ContentType?.MediaType, body));
    }
}

/// <summary>Rethrows the transport failure a responder simulated (a refused or dropped connection).</summary>
internal sealed class FailureReplayingHandler(FakeSpotApi api) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return api.TryGetFailure(response, out var failure) ? throw failure : response;
    }
}

/// <summary>One request as the fake API saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? BearerToken, string? ContentType, string? Body);
