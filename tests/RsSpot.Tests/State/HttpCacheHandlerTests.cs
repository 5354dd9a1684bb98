using System.Net;
using System.Net.Http.Headers;
using RichardSzalay.MockHttp;
using RsSpot.State;

namespace RsSpot.Tests.State;

[TestFixture(true)]
[TestFixture(false)]
public sealed class HttpCacheHandlerTests(bool isAsync)
{
    private const string Base = "https://spot.test";
    private const string Regions = Base + "/apis/ngpc.rxt.io/v1/regions";
    private const string Pools = Base + "/apis/ngpc.rxt.io/v1/namespaces/org-a/spotnodepools";
    private const string CloudSpaces = Base + "/apis/ngpc.rxt.io/v1/namespaces/org-a/cloudspaces";

    private ManualTimeProvider _clock = null!;
    private StateStore _store = null!;
    private MockHttpMessageHandler _server = null!;
    private CacheOptions _options = null!;
    private Dictionary<string, int> _calls = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new ManualTimeProvider();
        _store = StateStore.OpenInMemory(_clock);
        _server = new MockHttpMessageHandler();
        _options = new CacheOptions();
        _calls = [];
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        _server.Dispose();
    }

    [Test]
    public void Get_WithinTtl_IsServedFromCache()
    {
        Serve(HttpMethod.Get, Regions, _ => Json("""{"items":[{"name":"us-east-iad-1"}]}"""));
        using var client = Client();

        var first = Send(client, HttpMethod.Get, Regions);
        var second = Send(client, HttpMethod.Get, Regions);

        Assert.Multiple(() =>
        {
            Assert.That(Calls(HttpMethod.Get, Regions), Is.EqualTo(1));
            Assert.That(second.Body, Is.EqualTo(first.Body).And.Contains("us-east-iad-1"));
            Assert.That(second.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(first.CacheStatus, Is.Null);
            Assert.That(second.CacheStatus, Is.EqualTo("hit"));
        });
    }

    [Test]
    public void Get_AfterTtl_FrontLayerDoesNotServeStale()
    {
        var version = 0;
        Serve(HttpMethod.Get, Regions, _ => Json($$"""{"version":{{++version}}}"""));
        using var client = Client();
        Send(client, HttpMethod.Get, Regions);

        _clock.Advance(TimeSpan.FromSeconds(19));
        var stillFresh = Send(client, HttpMethod.Get, Regions);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var expired = Send(client, HttpMethod.Get, Regions);

        Assert.Multiple(() =>
        {
            Assert.That(stillFresh.Body, Is.EqualTo("""{"version":1}"""), "regions TTL is 20 s");
            Assert.That(expired.Body, Is.EqualTo("""{"version":2}"""), "same process, same handler: the front layer honours expiry (W3)");
            Assert.That(Calls(HttpMethod.Get, Regions), Is.EqualTo(2));
        });
    }

    [Test]
    public void Get_DifferentScopes_NeverShareEntries()
    {
        Serve(HttpMethod.Get, Regions, request => Json($$"""{"who":"{{request.Headers.Authorization?.Parameter}}"}"""));
        using var alice = Client("https://spot.test|alice|id-a");
        using var bob = Client("https://spot.test|bob|id-b");

        var forAlice = Send(alice, HttpMethod.Get, Regions, bearer: "alice");
        var forBob = Send(bob, HttpMethod.Get, Regions, bearer: "bob");
        var aliceAgain = Send(alice, HttpMethod.Get, Regions, bearer: "alice");

        Assert.Multiple(() =>
        {
            Assert.That(forBob.Body, Does.Contain("bob"), "no cross-profile leak (W4)");
            Assert.That(aliceAgain.Body, Does.Contain("alice"));
            Assert.That(aliceAgain.CacheStatus, Is.EqualTo("hit"));
            Assert.That(Calls(HttpMethod.Get, Regions), Is.EqualTo(2));
        });
    }

    [Test]
    public void Get_QueryStringIsPartOfTheKey()
    {
        Serve(HttpMethod.Get, Pools, request => Json($$"""{"q":"{{request.RequestUri!.Query}}"}"""));
        using var client = Client();

        var all = Send(client, HttpMethod.Get, Pools);
        var selected = Send(client, HttpMethod.Get, Pools + "?labelSelector=a%3Db");

        Assert.Multiple(() =>
        {
            Assert.That(all.Body, Is.Not.EqualTo(selected.Body));
            Assert.That(Calls(HttpMethod.Get, Pools), Is.EqualTo(2));
        });
    }

    [Test]
    public void Delete204_InvalidatesTheCollectionAndItsItems_Only()
    {
        Serve(HttpMethod.Get, Pools, _ => Json("""{"items":[]}"""));
        Serve(HttpMethod.Get, Pools + "/pool-a", _ => Json("""{"name":"pool-a"}"""));
        Serve(HttpMethod.Get, CloudSpaces, _ => Json("""{"items":[]}"""));
        Serve(HttpMethod.Delete, Pools + "/pool-a", _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = Client();
        Send(client, HttpMethod.Get, Pools);
        Send(client, HttpMethod.Get, Pools + "/pool-a");
        Send(client, HttpMethod.Get, CloudSpaces);

        Send(client, HttpMethod.Delete, Pools + "/pool-a");
        Send(client, HttpMethod.Get, Pools);
        Send(client, HttpMethod.Get, Pools + "/pool-a");
        var otherCollection = Send(client, HttpMethod.Get, CloudSpaces);

        Assert.Multiple(() =>
        {
            Assert.That(Calls(HttpMethod.Get, Pools), Is.EqualTo(2), "DELETE -> 204 with no body still invalidates (W5)");
            Assert.That(Calls(HttpMethod.Get, Pools + "/pool-a"), Is.EqualTo(2));
            Assert.That(otherCollection.CacheStatus, Is.EqualTo("hit"), "unrelated collections stay cached");
        });
    }

    [Test]
    public void CloudSpaceDelete_AlsoDropsThePoolsOfItsNamespace()
    {
        Serve(HttpMethod.Get, Pools, _ => Json("""{"items":[]}"""));
        Serve(HttpMethod.Delete, CloudSpaces + "/web", _ => Json("""{"kind":"Status","status":"Success"}"""));
        using var client = Client();
        Send(client, HttpMethod.Get, Pools);

        Send(client, HttpMethod.Delete, CloudSpaces + "/web");
        var pools = Send(client, HttpMethod.Get, Pools);

        Assert.That(pools.CacheStatus, Is.Null);
    }

    [Test]
    public void FailedMutation_DoesNotInvalidate()
    {
        Serve(HttpMethod.Get, Pools, _ => Json("""{"items":[]}"""));
        Serve(HttpMethod.Post, Pools, _ => new HttpResponseMessage(HttpStatusCode.Conflict));
        using var client = Client();
        Send(client, HttpMethod.Get, Pools);

        Send(client, HttpMethod.Post, Pools);

        Assert.That(Send(client, HttpMethod.Get, Pools).CacheStatus, Is.EqualTo("hit"));
    }

    [Test]
    public void ExpiredEntryWithETag_IsRevalidatedWith304()
    {
        var conditional = new List<string?>();
        Serve(HttpMethod.Get, Regions, request =>
        {
            conditional.Add(request.Headers.IfNoneMatch.FirstOrDefault()?.Tag);
            if (request.Headers.IfNoneMatch.Any(tag => tag.Tag == "\"v1\""))
            {
                return new HttpResponseMessage(HttpStatusCode.NotModified);
            }

            var response = Json("""{"items":["r1"]}""");
            response.Headers.ETag = new EntityTagHeaderValue("\"v1\"");
            return response;
        });
        using var client = Client();
        Send(client, HttpMethod.Get, Regions);
        _clock.Advance(TimeSpan.FromSeconds(30));

        var revalidated = Send(client, HttpMethod.Get, Regions);
        var afterwards = Send(client, HttpMethod.Get, Regions);

        Assert.Multiple(() =>
        {
            Assert.That(conditional, Is.EqualTo(new[] { null, "\"v1\"" }));
            Assert.That(revalidated.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revalidated.Body, Is.EqualTo("""{"items":["r1"]}"""));
            Assert.That(revalidated.CacheStatus, Is.EqualTo("revalidated"));
            Assert.That(afterwards.CacheStatus, Is.EqualTo("hit"), "a 304 renews the TTL");
            Assert.That(_store.HttpCache.GetStats().Hits, Is.EqualTo(2));
        });
    }

    [Test]
    public void ErrorsAreNotCached()
    {
        var attempt = 0;
        Serve(HttpMethod.Get, Regions, _ => ++attempt == 1 ? new HttpResponseMessage(HttpStatusCode.InternalServerError) : Json("{}"));
        using var client = Client();

        var failed = Send(client, HttpMethod.Get, Regions);
        var ok = Send(client, HttpMethod.Get, Regions);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(ok.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Calls(HttpMethod.Get, Regions), Is.EqualTo(2));
        });
    }

    [Test]
    public void Bypass_PerRequestAndGlobally_GoesToTheServer()
    {
        Serve(HttpMethod.Get, Regions, _ => Json("{}"));
        using (var client = Client())
        {
            Send(client, HttpMethod.Get, Regions);
            Send(client, HttpMethod.Get, Regions, bypass: true);
        }

        _options.Enabled = false;
        using (var disabled = Client())
        {
            Send(disabled, HttpMethod.Get, Regions);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Calls(HttpMethod.Get, Regions), Is.EqualTo(3));
            Assert.That(_store.HttpCache.GetStats().Entries, Is.EqualTo(1));
        });
    }

    [Test]
    public void BrokenCache_NeverFailsTheCall()
    {
        Serve(HttpMethod.Get, Regions, _ => Json("""{"ok":true}"""));
        Serve(HttpMethod.Delete, Regions + "/x", _ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = new HttpClient(new HttpCacheHandler(new FailingCache(), _options, "scope", _clock) { InnerHandler = _server });

        var get = Send(client, HttpMethod.Get, Regions);
        var delete = Send(client, HttpMethod.Delete, Regions + "/x");

        Assert.Multiple(() =>
        {
            Assert.That(get.Body, Is.EqualTo("""{"ok":true}"""));
            Assert.That(delete.Response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public void MaxEntries_EvictsTheLeastRecentlyUsed()
    {
        _options.MaxEntries = 2;
        _options.DefaultTtl = TimeSpan.FromHours(1);
        foreach (var name in new[] { "a", "b", "c" })
        {
            Serve(HttpMethod.Get, $"{Base}/apis/ngpc.rxt.io/v1/serverclasses/{name}", _ => Json($$"""{"name":"{{name}}"}"""));
        }

        using var client = Client();
        string Url(string name) => $"{Base}/apis/ngpc.rxt.io/v1/serverclasses/{name}";
        foreach (var name in new[] { "a", "b", "a", "c" })
        {
            Send(client, HttpMethod.Get, Url(name));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Multiple(() =>
        {
            Assert.That(Send(client, HttpMethod.Get, Url("a")).CacheStatus, Is.EqualTo("hit"), "a was used recently");
            Assert.That(Send(client, HttpMethod.Get, Url("b")).CacheStatus, Is.Null, "b was the least recently used");
            Assert.That(_store.HttpCache.GetStats().Entries, Is.EqualTo(2));
        });
    }

    [Test]
    public void Stats_CountHitsMissesAndBytes_ClearResets()
    {
        const string body = """{"items":[]}""";
        Serve(HttpMethod.Get, Regions, _ => Json(body));
        using var client = Client();
        Send(client, HttpMethod.Get, Regions);
        Send(client, HttpMethod.Get, Regions);

        var stats = _store.HttpCache.GetStats();
        Assert.That(stats, Is.EqualTo(new CacheStats(1, 1, body.Length, 1, 1, _clock.GetUtcNow(), _clock.GetUtcNow())));

        Assert.That(_store.HttpCache.Clear(), Is.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(_store.HttpCache.GetStats(), Is.EqualTo(new CacheStats(0, 0, 0, 0, 0, null, null)));
            Assert.That(Send(client, HttpMethod.Get, Regions).CacheStatus, Is.Null, "the front layer is cleared too");
        });
    }

    private HttpClient Client(string scope = "https://spot.test|default|id") =>
        new(new HttpCacheHandler(_store.HttpCache, _options, scope, _clock) { InnerHandler = _server });

    private void Serve(HttpMethod method, string url, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        // A URL without a query also answers requests that carry one; calls are counted per registered URL.
        _server.When(method, url)
            .Respond(request =>
            {
                var key = $"{method} {url}";
                _calls[key] = _calls.GetValueOrDefault(key) + 1;
                return respond(request);
            });
    }

    private int Calls(HttpMethod method, string url) => _calls.GetValueOrDefault($"{method} {url}");

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    private (HttpResponseMessage Response, string Body, string? CacheStatus) Send(
        HttpClient client, HttpMethod method, string url, string? bearer = null, bool bypass = false)
    {
        using var request = new HttpRequestMessage(method, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Options.Set(RsSpot.Http.SpotRequestOptions.BypassCache, bypass);
        var response = isAsync
            ? client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult()
            : client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        string body;
        if (isAsync)
        {
            body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }
        else
        {
            using var reader = new StreamReader(response.Content.ReadAsStream());
            body = reader.ReadToEnd();
        }

        var status = response.Headers.TryGetValues(HttpCacheHandler.CacheStatusHeader, out var values) ? values.Single() : null;
        return (response, body, status);
    }

    /// <summary>A cache whose every operation fails, as a locked or vanished state.db would.</summary>
    private sealed class FailingCache : IHttpResponseCache
    {
        public CachedResponse? Lookup(string key) => throw new IOException("disk gone");

        public void Store(CachedResponse response, int maxEntries) => throw new IOException("disk gone");

        public void Refresh(string key, DateTimeOffset expiresAt) => throw new IOException("disk gone");

        public void Record(string key, CacheOutcome outcome) => throw new IOException("disk gone");

        public int Invalidate(string resourcePrefix) => throw new IOException("disk gone");

        public CacheStats GetStats() => throw new IOException("disk gone");

        public int Clear() => throw new IOException("disk gone");
    }
}
