using System.Net;
using RichardSzalay.MockHttp;
using RsSpot.Auth;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

public class AuthenticationTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string Regions = "/apis/ngpc.rxt.io/v1/regions";

    [Test]
    public async Task One_token_exchange_serves_many_calls()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");

        for (var i = 0; i < 3; i++)
        {
            await Call(() => Client.Regions.ListAsync(default));
        }

        Assert.Multiple(() =>
        {
            Assert.That(Api.TokenExchanges, Is.EqualTo(1));
            Assert.That(Api.ApiRequests, Has.Count.EqualTo(3));
            Assert.That(Api.ApiRequests.Select(r => r.BearerToken).Distinct().Count(), Is.EqualTo(1));
            Assert.That(JwtClaims.TryRead(Api.ApiRequests[0].BearerToken)!.OrgId, Is.EqualTo(TestJwt.OrgId));
        });
    }

    [Test]
    public async Task Token_is_refreshed_when_it_nears_expiry()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");
        Api.TokenLifetime = TimeSpan.FromMinutes(10);

        await Call(() => Client.Regions.ListAsync(default));
        Clock.Advance(TimeSpan.FromMinutes(8)); // still 2 minutes left: reused
        await Call(() => Client.Regions.ListAsync(default));
        Clock.Advance(TimeSpan.FromSeconds(90)); // 30 s left, inside the 60 s skew: refreshed
        await Call(() => Client.Regions.ListAsync(default));

        Assert.That(Api.TokenExchanges, Is.EqualTo(2));
        Assert.That(Api.ApiRequests[2].BearerToken, Is.Not.EqualTo(Api.ApiRequests[0].BearerToken));
    }

    [Test]
    public async Task A_401_refreshes_the_token_once_and_replays_the_request()
    {
        Api.Sequence(HttpMethod.Get, Regions,
            () => FakeSpotApi.Status(HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized"),
            () => FakeSpotApi.Respond(HttpStatusCode.OK, SampleData.Read("regions.json")));

        var regions = await Call(() => Client.Regions.ListAsync(default));

        Assert.Multiple(() =>
        {
            Assert.That(regions, Has.Count.EqualTo(8));
            Assert.That(Api.TokenExchanges, Is.EqualTo(2));
            Assert.That(Api.ApiRequests, Has.Count.EqualTo(2));
            Assert.That(Api.ApiRequests[1].BearerToken, Is.Not.EqualTo(Api.ApiRequests[0].BearerToken));
        });
    }

    [Test]
    public void A_second_401_surfaces_as_an_authentication_error()
    {
        Api.Sequence(HttpMethod.Get, Regions, () => FakeSpotApi.Status(HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized"));

        var error = Assert.ThrowsAsync<SpotAuthenticationException>(() => Call(() => Client.Regions.ListAsync(default)));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Api.ApiRequests, Has.Count.EqualTo(2), "exactly one refresh-and-replay");
    }

    [Test]
    public void A_rejected_refresh_token_is_an_authentication_error_without_the_token_in_the_message()
    {
        Api.Handler.Clear();
        Api.Handler.When(HttpMethod.Post, $"{FakeSpotApi.OAuthUrl}/oauth/token")
            .Respond(HttpStatusCode.Forbidden, "application/json", """{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}""");

        var error = Assert.ThrowsAsync<SpotAuthenticationException>(() => Call(() => Client.Regions.ListAsync(default)));

        Assert.That(error!.Message, Does.Contain("invalid_grant").And.Contain("Unknown or invalid refresh token."));
        Assert.That(error.ToString(), Does.Not.Contain(FakeSpotApi.RefreshToken));
    }

    [Test]
    public void Without_a_refresh_token_the_error_says_how_to_configure_one()
    {
        UseClient(Options(o => o.RefreshToken = null));

        var error = Assert.ThrowsAsync<SpotAuthenticationException>(() => Call(() => Client.Regions.ListAsync(default)));

        Assert.That(error!.Message, Does.Contain("rsspot configure --refresh-token"));
    }

    [Test]
    public async Task A_seeded_valid_token_is_used_without_an_exchange()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");
        var seeded = TestJwt.Create(Clock.GetUtcNow().AddHours(1));
        UseClient(Options(o => o.AccessToken = seeded));

        await Call(() => Client.Regions.ListAsync(default));

        Assert.That(Api.TokenExchanges, Is.Zero);
        Assert.That(Api.ApiRequests[0].BearerToken, Is.EqualTo(seeded));
    }

    [Test]
    public async Task Concurrent_calls_share_one_exchange()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Call(() => Client.Regions.ListAsync(default)))));

        Assert.That(Api.TokenExchanges, Is.EqualTo(1));
    }

    [Test]
    public async Task A_token_store_carries_the_token_to_the_next_client()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");
        var store = new MemoryTokenStore();
        UseClient(Options(o => o.TokenStore = store));
        await Call(() => Client.Regions.ListAsync(default));

        UseClient(Options(o => o.TokenStore = store));
        await Call(() => Client.Regions.ListAsync(default));

        Assert.That(Api.TokenExchanges, Is.EqualTo(1));
        Assert.That(store.Saved.Single().Key.RefreshTokenHash, Has.Length.EqualTo(64).And.Not.Contain(FakeSpotApi.RefreshToken));
    }

    [Test]
    public async Task A_short_lived_token_is_reused_until_a_tenth_of_its_lifetime_remains()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");
        Api.TokenLifetime = TimeSpan.FromSeconds(60);

        await Call(() => Client.Regions.ListAsync(default));
        Clock.Advance(TimeSpan.FromSeconds(50)); // 10 s left, more than its 6 s margin: reused
        await Call(() => Client.Regions.ListAsync(default));
        Assert.That(Api.TokenExchanges, Is.EqualTo(1));

        Clock.Advance(TimeSpan.FromSeconds(5)); // 5 s left: renewed
        await Call(() => Client.Regions.ListAsync(default));
        Assert.That(Api.TokenExchanges, Is.EqualTo(2));
    }

    [Test]
    public async Task A_rotated_refresh_token_is_used_next_and_kept_for_the_next_client()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");
        Api.RotateRefreshTokens = true;
        var store = new MemoryTokenStore();
        UseClient(Options(o => o.TokenStore = store));
        await Call(() => Client.Regions.ListAsync(default));
        Clock.Advance(TimeSpan.FromDays(2));
        await Call(() => Client.Regions.ListAsync(default));

        UseClient(Options(o => o.TokenStore = store));
        Clock.Advance(TimeSpan.FromDays(2));
        await Call(() => Client.Regions.ListAsync(default));

        Assert.Multiple(() =>
        {
            Assert.That(Api.PresentedRefreshTokens, Is.EqualTo(new[] { FakeSpotApi.RefreshToken, "rotated-refresh-1", "rotated-refresh-2" }));
            Assert.That(store.Saved.Single().Value.RotatedRefreshToken, Is.EqualTo("rotated-refresh-3"));
        });
    }

    [Test]
    public async Task Clients_sharing_a_state_file_make_one_exchange_between_them()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");
        var home = Directory.CreateTempSubdirectory("rsspot-tokens-").FullName;
        var clients = Enumerable.Range(0, 6).Select(_ => new SpotClient(Options(o =>
        {
            o.UseStateStore = true;
            o.StatePath = Path.Combine(home, "state.db");
        }))).ToList();
        try
        {
            await Task.WhenAll(clients.Select(c => Task.Run(() => IsAsync ? c.Regions.ListAsync() : Task.FromResult(c.Regions.List()))));

            Assert.That(Api.TokenExchanges, Is.EqualTo(1));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            Directory.Delete(home, recursive: true);
        }
    }

    private sealed class MemoryTokenStore : ISpotTokenStore
    {
        public Dictionary<TokenCacheKey, CachedToken> Saved { get; } = [];

        public CachedToken? Get(TokenCacheKey key) => Saved.GetValueOrDefault(key);

        public void Save(TokenCacheKey key, CachedToken token) => Saved[key] = token;

        public bool Remove(TokenCacheKey key) => Saved.Remove(key);
    }
}
