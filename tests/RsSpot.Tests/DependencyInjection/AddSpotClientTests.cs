using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RsSpot.DependencyInjection;
using RsSpot.Tests.Diagnostics;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.DependencyInjection;

[TestFixture(true)]
[TestFixture(false)]
public sealed class AddSpotClientTests(bool isAsync)
{
    private const string Regions = "/apis/ngpc.rxt.io/v1/regions";

    private TestClock _clock = null!;
    private FakeSpotApi _api = null!;

    [SetUp]
    public void CreateApi()
    {
        _clock = new TestClock();
        _api = new FakeSpotApi(_clock);
        _api.Sample(HttpMethod.Get, Regions, "regions.json");
    }

    [TearDown]
    public void DisposeApi() => _api.Dispose();

    /// <summary>Points the clients at the fake API; everything else comes from the registration under test.</summary>
    private static void FakeAccount(SpotClientOptions o)
    {
        o.RefreshToken = FakeSpotApi.RefreshToken;
        o.BaseUrl = FakeSpotApi.BaseUrl;
        o.OAuthUrl = FakeSpotApi.OAuthUrl;
        o.LoadConfiguration = false;
        o.UseStateStore = false;
    }

    private ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private async Task<IReadOnlyList<Models.Region>> ListRegions(IServiceProvider provider) =>
        isAsync ? await provider.GetRequiredService<AsyncSpotClient>().Regions.ListAsync() : provider.GetRequiredService<SpotClient>().Regions.List();

    [Test]
    public async Task Both_clients_resolve_as_singletons_and_work_over_the_factory_transport()
    {
        await using var provider = Build(s => s.AddSpotClient(FakeAccount).ConfigurePrimaryHttpMessageHandler(() => _api.Transport));

        var sync = provider.GetRequiredService<SpotClient>();
        var async = provider.GetRequiredService<AsyncSpotClient>();
        var regions = await ListRegions(provider);

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<SpotClient>(), Is.SameAs(sync));
            Assert.That(provider.GetRequiredService<AsyncSpotClient>(), Is.SameAs(async));
            Assert.That(regions, Has.Count.EqualTo(8));
            Assert.That(_api.ApiRequests.Single().Uri.AbsolutePath, Is.EqualTo(Regions));
        });
    }

    [Test]
    public async Task A_handler_the_user_adds_sees_every_request_with_the_sdk_headers()
    {
        var seen = new RecordingHandler();
        await using var provider = Build(s => s.AddSpotClient(FakeAccount)
            .ConfigurePrimaryHttpMessageHandler(() => _api.Transport)
            .AddHttpMessageHandler(() => seen));

        await ListRegions(provider);

        Assert.Multiple(() =>
        {
            Assert.That(seen.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/oauth/token", Regions }));
            Assert.That(seen.Requests[^1].UserAgent, Does.StartWith("rsspot-dotnet/"));
            Assert.That(seen.Requests[^1].HasBearer, Is.True, "the user's handler runs inside the authentication handler");
        });
    }

    [Test]
    public async Task Options_bind_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RsSpot:RefreshToken"] = FakeSpotApi.RefreshToken,
            ["RsSpot:BaseUrl"] = FakeSpotApi.BaseUrl,
            ["RsSpot:OAuthUrl"] = FakeSpotApi.OAuthUrl,
            ["RsSpot:LoadConfiguration"] = "false",
            ["RsSpot:UseStateStore"] = "false",
            ["RsSpot:Org"] = "acme-corp",
            ["RsSpot:Region"] = "us-central-dfw-1",
            ["RsSpot:Retry:MaxAttempts"] = "2",
            ["RsSpot:Retry:Jitter"] = "0",
        }).Build();
        await using var provider = Build(s => s.AddSpotClient(configuration.GetSection("RsSpot")).ConfigurePrimaryHttpMessageHandler(() => _api.Transport));
        _api.Sequence(HttpMethod.Get, Regions + "/flaky", () => FakeSpotApi.Status(System.Net.HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "busy"));

        var client = provider.GetRequiredService<SpotClient>();
        Assert.ThrowsAsync<SpotException>(async () => _ = isAsync ? await provider.GetRequiredService<AsyncSpotClient>().Regions.GetAsync("flaky") : client.Regions.Get("flaky"));

        Assert.Multiple(() =>
        {
            Assert.That(client.Org, Is.EqualTo("acme-corp"));
            Assert.That(client.Region, Is.EqualTo("us-central-dfw-1"));
            Assert.That(_api.ApiRequests, Has.Count.EqualTo(2), "Retry:MaxAttempts = 2 came from configuration");
        });
    }

    [Test]
    public async Task Sandbox_mode_from_configuration_is_answered_by_the_emulator_not_the_factory_transport()
    {
        var state = Directory.CreateTempSubdirectory("rsspot-di-sandbox-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["RsSpot:Sandbox"] = "true",
                ["RsSpot:LoadConfiguration"] = "false",
                ["RsSpot:StatePath"] = Path.Combine(state.FullName, "state.db"),
            }).Build();
            await using var provider = Build(s => s.AddSpotClient(configuration.GetSection("RsSpot")).ConfigurePrimaryHttpMessageHandler(() => _api.Transport));

            var regions = await ListRegions(provider);

            Assert.That(regions, Is.Not.Empty);
            Assert.That(_api.ApiRequests, Is.Empty, "nothing went through the IHttpClientFactory transport");
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Logs_go_to_the_container_logger_factory()
    {
        var logs = new CapturingLoggerProvider();
        await using var provider = Build(s =>
        {
            s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            s.AddSpotClient(FakeAccount).ConfigurePrimaryHttpMessageHandler(() => _api.Transport);
        });

        await ListRegions(provider);

        Assert.That(logs.AllText, Does.Contain("GET " + Regions + " answered 200"));
        Assert.That(logs.AllText, Does.Not.Contain(FakeSpotApi.RefreshToken));
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly ConcurrentQueue<(string Path, string UserAgent, bool HasBearer)> _requests = new();

        public IReadOnlyList<(string Path, string UserAgent, bool HasBearer)> Requests => [.. _requests];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Enqueue((request.RequestUri!.AbsolutePath, request.Headers.UserAgent.ToString(), request.Headers.Authorization?.Scheme == "Bearer"));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
