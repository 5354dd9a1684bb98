using RsSpot.Configuration;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

/// <summary>The client with a real state.db: token reuse across clients, the HTTP cache, preferences in resolution.</summary>
public class StateIntegrationTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string Regions = "/apis/ngpc.rxt.io/v1/regions";
    private const string CloudSpaces = "/apis/ngpc.rxt.io/v1/namespaces/org-xy3kq9lmn2pr7stu/cloudspaces";
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("rsspot-client-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private SpotClientOptions WithState(Action<SpotClientOptions>? change = null) => Options(o =>
    {
        o.UseStateStore = true;
        o.StatePath = Path.Combine(_directory, "state.db");
        change?.Invoke(o);
    });

    [Test]
    public async Task The_next_client_reuses_the_stored_token()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");
        UseClient(WithState(o => o.NoCache = true));
        await Call(() => Client.Regions.ListAsync(default));

        UseClient(WithState(o => o.NoCache = true));
        await Call(() => Client.Regions.ListAsync(default));

        Assert.That(Api.TokenExchanges, Is.EqualTo(1));
        Assert.That(Api.ApiRequests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Repeated_reads_are_served_from_the_cache_until_a_write_invalidates_them()
    {
        Api.Sample(HttpMethod.Get, CloudSpaces, "cloudspaces.json");
        Api.Sample(HttpMethod.Delete, CloudSpaces + "/demo-dfw", "delete-status.json");
        UseClient(WithState());

        await Call(() => Client.CloudSpaces.ListAsync(null, default));
        await Call(() => Client.CloudSpaces.ListAsync(null, default));
        var cachedReads = Api.ApiRequests.Count;
        await Call(() => Client.CloudSpaces.DeleteAsync("demo-dfw", null, default));
        await Call(() => Client.CloudSpaces.ListAsync(null, default));

        Assert.Multiple(() =>
        {
            Assert.That(cachedReads, Is.EqualTo(1), "the second list was a cache hit");
            Assert.That(Api.ApiRequests.Count(r => r.Method == HttpMethod.Get), Is.EqualTo(2), "the delete invalidated the list");
        });
    }

    [Test]
    public async Task No_cache_sends_every_read()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");
        UseClient(WithState(o => o.NoCache = true));

        await Call(() => Client.Regions.ListAsync(default));
        await Call(() => Client.Regions.ListAsync(default));

        Assert.That(Api.ApiRequests, Has.Count.EqualTo(2));
    }

    [Test]
    public void State_preferences_take_part_in_resolution()
    {
        using (var store = RsSpot.State.StateStore.Open(Path.Combine(_directory, "state.db")))
        {
            store.Preferences.Set(PreferenceKeys.DefaultRegion, "uk-lon-1");
        }

        UseClient(WithState());

        Assert.That(Client.Region, Is.EqualTo("uk-lon-1"));
    }

    [Test]
    public void An_explicit_config_file_that_does_not_exist_is_an_error_naming_it()
    {
        var missing = Path.Combine(_directory, "nope.yml");

        var error = Assert.Throws<SpotConfigurationException>(() => new SpotClient(WithState(o =>
        {
            o.LoadConfiguration = true;
            o.ConfigPath = missing;
        })));

        Assert.That(error!.Message, Does.Contain(missing));
    }

    [Test]
    public void A_config_file_profile_supplies_the_settings()
    {
        var path = Path.Combine(_directory, "config.yml");
        File.WriteAllText(path, """
            version: "2"
            default_profile: prod
            profiles:
              prod:
                org: acme-corp
                region: us-east-iad-1
                refreshToken: from-the-file
            """);

        UseClient(Options(o =>
        {
            o.LoadConfiguration = true;
            o.ConfigPath = path;
            o.Org = null;
            o.RefreshToken = null;
            o.StatePath = Path.Combine(_directory, "state.db");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(Client.ProfileName, Is.EqualTo("prod"));
            Assert.That(Client.Org, Is.EqualTo("acme-corp"));
            Assert.That(Client.Region, Is.EqualTo("us-east-iad-1"));
        });
    }
}
