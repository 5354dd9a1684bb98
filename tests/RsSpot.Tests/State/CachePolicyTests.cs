using RsSpot.State;

namespace RsSpot.Tests.State;

public sealed class CachePolicyTests
{
    private const string Api = "https://spot.test/apis/ngpc.rxt.io/v1";

    [TestCase("/apis/auth.ngpc.rxt.io/v1/organizations", 10)]
    [TestCase("/apis/ngpc.rxt.io/v1/regions", 20)]
    [TestCase("/apis/ngpc.rxt.io/v1/regions/us-east-iad-1", 5)]
    [TestCase("/apis/ngpc.rxt.io/v1/namespaces/org-a/cloudspaces", 5)]
    [TestCase("/apis/metrics.ngpc.rxt.io/v1/events/organizations", 5)]
    [TestCase("/apis/ngpc.rxt.io/v1/serverclasses", 5)]
    public void Ttl_DefaultRules_MatchTheReference(string path, int seconds) =>
        Assert.That(CachePolicy.Ttl(new CacheOptions(), "GET", path), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [Test]
    public void Ttl_ExactBeatsPrefix_LongestPrefixWins_ElseDefault()
    {
        var options = new CacheOptions
        {
            DefaultTtl = TimeSpan.FromSeconds(7),
            TtlRules = new Dictionary<string, TimeSpan>
            {
                ["GET:/apis/*"] = TimeSpan.FromSeconds(1),
                ["GET:/apis/ngpc.rxt.io/v1/serverclasses*"] = TimeSpan.FromSeconds(60),
                ["GET:/apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.small-dfw"] = TimeSpan.FromSeconds(2),
            },
        };

        Assert.Multiple(() =>
        {
            Assert.That(CachePolicy.Ttl(options, "get", "/apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.small-dfw"), Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(CachePolicy.Ttl(options, "GET", "/apis/ngpc.rxt.io/v1/serverclasses/other"), Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(CachePolicy.Ttl(options, "GET", "/apis/ngpc.rxt.io/v1/regions"), Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(CachePolicy.Ttl(options, "GET", "/healthz"), Is.EqualTo(TimeSpan.FromSeconds(7)));
        });
    }

    [TestCase(Api + "/namespaces/org-a/spotnodepools/pool-1", Api + "/namespaces/org-a/spotnodepools")]
    [TestCase(Api + "/namespaces/org-a/spotnodepools?dryRun=All", Api + "/namespaces/org-a/spotnodepools")]
    [TestCase(Api + "/namespaces/org-a/cloudspaces/web", Api + "/namespaces/org-a")]
    [TestCase(Api + "/namespaces/org-a/vmcloudspaces", Api + "/namespaces/org-a")]
    [TestCase("https://spot.test/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig", "https://spot.test/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig")]
    [TestCase("https://login.test/oauth/token", "https://login.test/oauth/token")]
    public void InvalidationPrefix_CoversTheAffectedCollection(string mutated, string expected) =>
        Assert.That(CachePolicy.InvalidationPrefix(new Uri(mutated)), Is.EqualTo(expected));

    [Test]
    public void IsUnder_MatchesWholeSegmentsOnly()
    {
        const string pools = Api + "/namespaces/org-a/spotnodepools";

        Assert.Multiple(() =>
        {
            Assert.That(CachePolicy.IsUnder(pools, pools), Is.True);
            Assert.That(CachePolicy.IsUnder(pools + "/p1", pools), Is.True);
            Assert.That(CachePolicy.IsUnder(pools + "-other", pools), Is.False);
        });
    }

    [Test]
    public void Key_DependsOnScopeMethodUrlAndBody()
    {
        var uri = new Uri(Api + "/regions");
        var key = CachePolicy.Key("s1", "GET", uri, []);

        Assert.Multiple(() =>
        {
            Assert.That(CachePolicy.Key("s1", "get", uri, []), Is.EqualTo(key));
            Assert.That(CachePolicy.Key("s2", "GET", uri, []), Is.Not.EqualTo(key));
            Assert.That(CachePolicy.Key("s1", "GET", new Uri(Api + "/regions?x=1"), []), Is.Not.EqualTo(key));
            Assert.That(CachePolicy.Key("s1", "GET", uri, "{}"u8), Is.Not.EqualTo(key));
        });
    }
}
