using System.Text;
using RsSpot.Auth;
using RsSpot.State;

namespace RsSpot.Tests.State;

public sealed class TokenCacheTests
{
    private const string OAuth = "https://login.spot.rackspace.com";
    private const string Refresh = "refresh-token-value-that-must-never-be-stored";

    [Test]
    public void Get_ReturnsTheEntryWithItsTimes_AndFiltersByRemainingLifetimeOnRequest()
    {
        var clock = new ManualTimeProvider();
        using var store = StateStore.OpenInMemory(clock);
        var saved = clock.GetUtcNow();
        var expiry = saved.AddMinutes(10);
        store.Tokens.Save(TokenCacheKey.Create("default", OAuth, Refresh), new CachedToken("id-token-1", expiry));

        var token = store.Tokens.Get(TokenCacheKey.Create("default", OAuth + "/", Refresh));
        Assert.That(token, Is.EqualTo(new CachedToken("id-token-1", expiry) { IssuedAt = saved }), "trailing slash is normalised");

        clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(1));
        Assert.Multiple(() =>
        {
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", OAuth, Refresh), TimeSpan.FromSeconds(60)), Is.Null, "inside a 60 s margin");
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", OAuth, Refresh), TimeSpan.FromSeconds(10)), Is.Not.Null);
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", OAuth, Refresh)), Is.Not.Null, "without a margin the caller judges");
        });
    }

    [Test]
    public void A_rotated_refresh_token_outlives_the_rejection_of_its_id_token()
    {
        using var store = StateStore.OpenInMemory();
        var key = TokenCacheKey.Create("default", OAuth, Refresh);
        store.Tokens.Save(key, new CachedToken("id-token-1", DateTimeOffset.UtcNow.AddHours(1)) { RotatedRefreshToken = "rotated-refresh" });

        store.Tokens.Remove(key);

        var kept = store.Tokens.Get(key);
        Assert.Multiple(() =>
        {
            Assert.That(kept!.RotatedRefreshToken, Is.EqualTo("rotated-refresh"));
            Assert.That(kept.ExpiresAt, Is.LessThan(DateTimeOffset.UtcNow), "the rejected id_token is never handed out again");
            Assert.That(kept.ToString(), Does.Not.Contain("rotated-refresh"));
        });
    }

    [Test]
    public void Get_IsScopedByProfileEndpointAndRefreshToken()
    {
        using var store = StateStore.OpenInMemory();
        var expiry = DateTimeOffset.UtcNow.AddHours(1);
        store.Tokens.Save(TokenCacheKey.Create("default", OAuth, Refresh), new CachedToken("id-token-1", expiry));

        Assert.Multiple(() =>
        {
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("other", OAuth, Refresh)), Is.Null);
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", "https://login.example.com", Refresh)), Is.Null);
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", OAuth, Refresh + "-rotated")), Is.Null);
        });
    }

    [Test]
    public void Set_WithRotatedRefreshToken_ReplacesTheOldEntry_AndRemoveForgets()
    {
        using var store = StateStore.OpenInMemory();
        var expiry = DateTimeOffset.UtcNow.AddHours(1);
        store.Tokens.Save(TokenCacheKey.Create("default", OAuth, Refresh), new CachedToken("id-token-1", expiry));
        store.Tokens.Save(TokenCacheKey.Create("default", OAuth, "rotated"), new CachedToken("id-token-2", expiry));

        Assert.Multiple(() =>
        {
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", OAuth, Refresh)), Is.Null);
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", OAuth, "rotated"))!.IdToken, Is.EqualTo("id-token-2"));
            Assert.That(store.Tokens.Remove(TokenCacheKey.Create("default", OAuth, "rotated")), Is.True);
            Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", OAuth, "rotated")), Is.Null);
        });
    }

    [Test]
    public void RefreshToken_IsNeverWrittenToTheFile_AndToStringHidesTheIdToken()
    {
        var dir = Directory.CreateTempSubdirectory("rsspot-token-").FullName;
        try
        {
            var path = Path.Combine(dir, "state.db");
            using (var store = StateStore.Open(path))
            {
                store.Tokens.Save(TokenCacheKey.Create("default", OAuth, Refresh), new CachedToken("id-token-1", DateTimeOffset.UtcNow.AddHours(1)));
                Assert.That(store.Tokens.Get(TokenCacheKey.Create("default", OAuth, Refresh))!.ToString(), Does.Not.Contain("id-token-1"));
            }

            var bytes = Directory.GetFiles(dir).SelectMany(File.ReadAllBytes).ToArray();
            Assert.That(Encoding.UTF8.GetString(bytes), Does.Not.Contain(Refresh));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
