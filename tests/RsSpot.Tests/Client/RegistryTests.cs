using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

/// <summary>The process-wide client registry and its ambient scopes.</summary>
[NonParallelizable]
public class RegistryTests
{
    private FakeSpotApi _api = null!;

    [SetUp]
    public void Configure()
    {
        _api = new FakeSpotApi(new TestClock());
        SpotClients.Configure(new SpotClientOptions
        {
            RefreshToken = FakeSpotApi.RefreshToken,
            BaseUrl = FakeSpotApi.BaseUrl,
            OAuthUrl = FakeSpotApi.OAuthUrl,
            Transport = _api.Transport,
            LoadConfiguration = false,
            UseStateStore = false,
        });
    }

    [TearDown]
    public void Close()
    {
        SpotClients.CloseAll();
        _api.Dispose();
    }

    [Test]
    public void The_same_key_returns_the_same_client_until_closed()
    {
        var first = SpotClients.Get("default");
        var again = SpotClients.Get("default");
        SpotClients.CloseAll();
        var fresh = SpotClients.Get("default");

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.SameAs(first));
            Assert.That(fresh, Is.Not.SameAs(first));
            Assert.That(() => first.Regions.List(), Throws.InstanceOf<ObjectDisposedException>(), "closed clients are disposed");
        });
    }

    [Test]
    public void Scopes_change_the_key_and_flow_across_awaits()
    {
        var outside = SpotClients.Get();
        SpotClient? inside;
        using (SpotClients.UseOrg("acme-staging"))
        using (SpotClients.UseRegion("uk-lon-1"))
        {
            inside = Task.Run(async () =>
            {
                await Task.Yield();
                return SpotClients.Get();
            }).GetAwaiter().GetResult();
        }

        Assert.Multiple(() =>
        {
            Assert.That(inside, Is.Not.SameAs(outside));
            Assert.That(inside.Org, Is.EqualTo("acme-staging"));
            Assert.That(inside.Region, Is.EqualTo("uk-lon-1"));
            Assert.That(SpotClients.Get(), Is.SameAs(outside), "the scope ended");
        });
    }

    [Test]
    public void Concurrent_first_use_creates_exactly_one_client()
    {
        var clients = Enumerable.Range(0, 32).AsParallel().Select(_ => SpotClients.Get(org: "parallel")).ToList();

        Assert.That(clients.Distinct().Count(), Is.EqualTo(1));
        Assert.That(SpotClients.GetAsyncClient(org: "parallel"), Is.Not.Null);
        Assert.That(SpotClients.Count, Is.EqualTo(2));
    }

    [Test]
    public void Sync_calls_inside_a_single_threaded_async_context_do_not_deadlock()
    {
        _api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/regions", "regions.json");
        var client = SpotClients.Get();
        var context = new SingleThreadContext();

        var regions = context.Run(() => client.Regions.List());

        Assert.That(regions, Has.Count.EqualTo(8));
    }

    /// <summary>A UI-like SynchronizationContext: posts run on one dedicated thread, which the sync call blocks.</summary>
    private sealed class SingleThreadContext : SynchronizationContext
    {
        private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback, object?)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public T Run<T>(Func<T> work)
        {
            T result = default!;
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                SetSynchronizationContext(this);
                Post(_ =>
                {
                    try
                    {
                        result = work();
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }
                    finally
                    {
                        _queue.CompleteAdding();
                    }
                }, null);
                foreach (var (callback, state) in _queue.GetConsumingEnumerable())
                {
                    callback(state);
                }
            });
            thread.Start();
            Assert.That(thread.Join(TimeSpan.FromSeconds(20)), Is.True, "the sync call deadlocked");
            return failure is null ? result : throw failure;
        }
    }
}
