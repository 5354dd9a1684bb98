using Microsoft.Extensions.Time.Testing;
using RsSpot.OpenApiTools.Sync;
using RsSpot.Tools.Tests.Support;

namespace RsSpot.Tools.Tests.Sync;

public class OpenApiFetcherTests
{
    private const string Token = "test-bearer-value-42";

    private LoopbackServer _server = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void StartServer()
    {
        _server = new LoopbackServer();
        _http = new HttpClient();
    }

    [TearDown]
    public void StopServer()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task Fetches_json_and_records_source_hash_and_time()
    {
        var body = Fixtures.Read("petstore-like.json");
        _server.Serve("/openapi.json", body);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        var fetched = await new OpenApiFetcher(_http, timeProvider: time).FetchAsync([_server.Url("/openapi.json")], bearerToken: null);

        Assert.Multiple(() =>
        {
            Assert.That(fetched.Source, Is.EqualTo(_server.Url("/openapi.json")));
            Assert.That(fetched.Document["info"]!["title"]!.GetValue<string>(), Is.EqualTo("Crafted Upstream"));
            Assert.That(fetched.SourceSha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)))));
            Assert.That(fetched.FetchedAt, Is.EqualTo(time.GetUtcNow()));
        });
    }

    [Test]
    public async Task Fetches_yaml()
    {
        _server.Serve("/openapi.yaml", Fixtures.Read("crafted.yaml"), "application/yaml");

        var fetched = await new OpenApiFetcher(_http).FetchAsync([_server.Url("/openapi.yaml")], null);

        Assert.That(fetched.Document["paths"]!["/widgets"]!["get"]!["operationId"]!.GetValue<string>(), Is.EqualTo("listWidgets"));
    }

    [Test]
    public async Task Fetches_json_with_raw_newlines_inside_strings()
    {
        _server.Serve("/spec", Fixtures.Read("raw-newlines.json"));

        var fetched = await new OpenApiFetcher(_http).FetchAsync([_server.Url("/spec")], null);

        Assert.That(fetched.Document["paths"]!["/things/{id}"]!["get"]!["description"]!.GetValue<string>(), Is.EqualTo("Reads one thing.\nMore prose."));
    }

    [Test]
    public async Task A_404_moves_on_to_the_next_candidate()
    {
        _server.Serve("/second", Fixtures.Read("petstore-like.json"));

        var fetched = await new OpenApiFetcher(_http).FetchAsync([_server.Url("/first"), _server.Url("/second")], null);

        Assert.That(fetched.Source, Is.EqualTo(_server.Url("/second")));
        Assert.That(_server.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/first", "/second" }));
    }

    [Test]
    public async Task Sends_the_bearer_token_to_a_loopback_host()
    {
        _server.Serve("/openapi.json", Fixtures.Read("petstore-like.json"));

        await new OpenApiFetcher(_http).FetchAsync([_server.Url("/openapi.json")], Token);

        Assert.That(_server.Requests.Single().Authorization, Is.EqualTo($"Bearer {Token}"));
    }

    [Test]
    public void When_every_candidate_fails_the_error_lists_each_url_and_reason_without_the_token()
    {
        _server.Serve("/html", "<html>login</html>", "text/html");
        _server.Serve("/boom", "oops", "text/plain", status: 500);
        Uri[] candidates = [_server.Url("/missing"), _server.Url("/html"), _server.Url("/boom")];

        var error = Assert.ThrowsAsync<OpenApiFetchException>(() => new OpenApiFetcher(_http).FetchAsync(candidates, Token));

        Assert.That(error!.Attempts.Select(a => a.Url), Is.EqualTo(candidates));
        Assert.That(error.Attempts[0].Reason, Is.EqualTo("HTTP 404 NotFound"));
        Assert.That(error.Attempts[1].Reason, Does.StartWith("not an OpenAPI document"));
        Assert.That(error.Attempts[2].Reason, Is.EqualTo("HTTP 500 InternalServerError"));
        foreach (var candidate in candidates)
        {
            Assert.That(error.Message, Does.Contain(candidate.ToString()));
        }

        Assert.That(error.Message, Does.Not.Contain(Token));
    }

    [Test]
    public async Task A_candidate_that_hangs_times_out_on_the_injected_clock_and_the_next_one_is_used()
    {
        var time = new FakeTimeProvider();
        using var handler = new HangingThenServingHandler(hangingHost: "slow.example", Fixtures.Read("petstore-like.json"));
        using var http = new HttpClient(handler);
        var fetch = new OpenApiFetcher(http, TimeSpan.FromSeconds(7), time)
            .FetchAsync([new Uri("https://slow.example/openapi.json"), new Uri("https://fast.example/openapi.json")], null);

        await handler.Hanging.Task;
        time.Advance(TimeSpan.FromSeconds(7));
        var fetched = await fetch;

        Assert.That(fetched.Source.Host, Is.EqualTo("fast.example"));
    }

    [Test]
    public async Task A_timeout_is_reported_as_such()
    {
        var time = new FakeTimeProvider();
        using var handler = new HangingThenServingHandler(hangingHost: "slow.example", body: string.Empty);
        using var http = new HttpClient(handler);
        var fetch = new OpenApiFetcher(http, TimeSpan.FromSeconds(7), time).FetchAsync([new Uri("https://slow.example/x")], null);

        await handler.Hanging.Task;
        time.Advance(TimeSpan.FromSeconds(7));

        var error = Assert.ThrowsAsync<OpenApiFetchException>(() => fetch);
        Assert.That(error!.Attempts.Single().Reason, Is.EqualTo("timed out after 7 s"));
    }

    [Test]
    public async Task The_token_never_travels_over_plain_http_to_a_remote_host()
    {
        using var handler = new HangingThenServingHandler(hangingHost: "none", Fixtures.Read("petstore-like.json"));
        using var http = new HttpClient(handler);

        await new OpenApiFetcher(http).FetchAsync([new Uri("http://mirror.example/openapi.json")], Token);
        await new OpenApiFetcher(http).FetchAsync([new Uri("https://mirror.example/openapi.json")], Token);

        Assert.That(handler.Authorizations, Is.EqualTo(new string?[] { null, $"Bearer {Token}" }));
    }

    /// <summary>Never answers requests to one host (until cancelled); serves <c>body</c> everywhere else.</summary>
    private sealed class HangingThenServingHandler(string hangingHost, string body) : HttpMessageHandler
    {
        public TaskCompletionSource Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string?> Authorizations { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString());
            if (request.RequestUri!.Host == hangingHost)
            {
                Hanging.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body) };
        }
    }
}
