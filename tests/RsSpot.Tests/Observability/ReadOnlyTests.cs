using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json.Linq;
using RsSpot.Configuration;
using RsSpot.Emulator;
using RsSpot.Http;
using RsSpot.Models;
using RsSpot.Operations;
using RsSpot.Pricing;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Observability;

/// <summary>Read-only mode refuses every call that would change something before any request leaves the client.</summary>
public class ReadOnlyTests(bool isAsync) : ClientTestBase(isAsync)
{
    private static readonly PlanScenario EmptyPlan = new()
    {
        Strategy = PlanStrategy.Balanced,
        Score = 0,
        Pools = [],
        TotalHourly = 0,
        TotalMonthly = 0,
        TotalCpu = 0,
        TotalMemoryGb = 0,
        TotalCapacity = 0,
    };

    /// <summary>Every changing operation of the SDK, by its operations type and method.</summary>
    private static readonly (string Name, Expression<Func<SpotClient, Task>> Call)[] Changes =
    [
        ("CloudSpacesOperations.CreateAsync", c => c.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "demo", Region = "us-central-dfw-1" }, null, default)),
        ("CloudSpacesOperations.UpdateAsync", c => c.CloudSpaces.UpdateAsync("demo", new UpdateCloudSpaceRequest { Webhook = "https://hooks.example/spot" }, null, null, default)),
        ("CloudSpacesOperations.DeleteAsync", c => c.CloudSpaces.DeleteAsync("demo", null, default)),
        ("SpotNodePoolsOperations.CreateAsync", c => c.SpotNodePools.CreateAsync(new CreateSpotNodePoolRequest { CloudSpace = "demo", ServerClass = "gp.vs1.medium-dfw", BidPrice = "0.02" }, null, default)),
        ("SpotNodePoolsOperations.UpdateAsync", c => c.SpotNodePools.UpdateAsync("pool", new UpdateSpotNodePoolRequest { BidPrice = "0.03" }, null, null, default)),
        ("SpotNodePoolsOperations.DeleteAsync", c => c.SpotNodePools.DeleteAsync("pool", null, default)),
        ("SpotNodePoolsOperations.DeleteAllAsync", c => c.SpotNodePools.DeleteAllAsync("demo", null, default)),
        ("SpotNodePoolsOperations.ReplaceAsync", c => c.SpotNodePools.ReplaceAsync("pool", "gp.vs1.large-dfw", null, null, null, null, default)),
        ("OnDemandNodePoolsOperations.CreateAsync", c => c.OnDemandNodePools.CreateAsync(new CreateOnDemandNodePoolRequest { CloudSpace = "demo", ServerClass = "gp.vs1.medium-dfw" }, null, default)),
        ("OnDemandNodePoolsOperations.UpdateAsync", c => c.OnDemandNodePools.UpdateAsync("pool", new UpdateOnDemandNodePoolRequest { Desired = 3 }, null, null, default)),
        ("OnDemandNodePoolsOperations.DeleteAsync", c => c.OnDemandNodePools.DeleteAsync("pool", null, default)),
        ("OnDemandNodePoolsOperations.DeleteAllAsync", c => c.OnDemandNodePools.DeleteAllAsync("demo", null, default)),
        ("OnDemandNodePoolsOperations.ReplaceAsync", c => c.OnDemandNodePools.ReplaceAsync("pool", "gp.vs1.large-dfw", null, null, null, null, default)),
        ("PricingOperations.ApplyPlanAsync", c => c.Pricing.ApplyPlanAsync(EmptyPlan, "demo", null, false, default)),
        ("raw POST", c => c.RawAsync(HttpMethod.Post, "/apis/ngpc.rxt.io/v1/namespaces/org-x/cloudspaces", null, new JObject(), default)),
        ("raw PUT", c => c.RawAsync(HttpMethod.Put, "/apis/ngpc.rxt.io/v1/namespaces/org-x/cloudspaces/demo", null, new JObject(), default)),
        ("raw PATCH", c => c.RawAsync(HttpMethod.Patch, "/apis/ngpc.rxt.io/v1/namespaces/org-x/cloudspaces/demo", null, new JObject(), default)),
        ("raw DELETE", c => c.RawAsync(HttpMethod.Delete, "/apis/ngpc.rxt.io/v1/namespaces/org-x/cloudspaces/demo", null, null, default)),
    ];

    private SpotEmulator _emulator = null!;
    private HttpMessageHandler _transport = null!;

    private static IEnumerable<TestCaseData> ChangeCases() => Changes.Select(c => new TestCaseData(c.Name).SetName($"{{m}}({c.Name})"));

    [SetUp]
    public void UseEmulator()
    {
        _emulator = new SpotEmulator(new SpotEmulatorOptions { Clock = Clock });
        _transport = _emulator.CreateHandler();
        UseClient(ReadOnlyClient());
    }

    [TearDown]
    public void DisposeTransport() => _transport.Dispose();

    [TestCaseSource(nameof(ChangeCases))]
    public void Every_changing_call_is_refused_before_any_request_is_sent(string name)
    {
        var call = Bind(Changes.Single(c => c.Name == name).Call);

        var error = Assert.ThrowsAsync<SpotReadOnlyException>(() => Call(call));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("read-only mode (--read-only / SpotClientOptions.ReadOnly) refuses ").And.Contain("nothing was sent"));
            Assert.That(error.Reason, Is.EqualTo("ReadOnly"));
            Assert.That(_emulator.Journal, Is.Empty, "not even the token exchange or a lookup");
        });
    }

    [Test]
    public void The_cases_above_cover_every_operation_that_changes_something()
    {
        var changing = typeof(SpotClient).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CloudSpacesOperations).Namespace && t.IsClass)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.GetCustomAttributes<SpotOperationAttribute>().Any(a => ReadOnlyGuard.Changes(a.OperationId)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.That(Changes.Select(c => c.Name).Where(n => !n.StartsWith("raw ", StringComparison.Ordinal)), Is.EquivalentTo(changing));
    }

    [Test]
    public async Task Reads_keep_working_in_read_only_mode()
    {
        var regions = await Call(() => Client.Regions.ListAsync(default));
        var cloudSpaces = await Call(() => Client.RawAsync(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/regions", null, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(regions, Is.Not.Empty);
            Assert.That(cloudSpaces, Is.Not.Null);
            Assert.That(_emulator.Journal.Select(e => e.Method).Distinct(), Is.SubsetOf(new[] { "GET", "POST" }));
            Assert.That(_emulator.Journal.Where(e => e.Method == "POST").Select(e => e.PathAndQuery), Is.All.EqualTo("/oauth/token"), "the token exchange is the only POST");
        });
    }

    [TestCase("RSSPOT_READ_ONLY", "1", "environment variable RSSPOT_READ_ONLY")]
    [TestCase("RSSPOT_READ_ONLY", "true", "environment variable RSSPOT_READ_ONLY")]
    public void The_environment_turns_read_only_mode_on_and_is_named(string variable, string value, string named)
    {
        UseClient(EmulatorClient(o => o.Environment = new ConfigEnvironment(new Dictionary<string, string?> { [variable] = value }, Path.GetTempPath())));

        var error = Assert.ThrowsAsync<SpotReadOnlyException>(() => Call(() => Client.CloudSpaces.DeleteAsync("demo", null, default)));

        Assert.That(error!.Message, Does.Contain(named).And.Contain("deleting cloudspace 'demo'"));
        Assert.That(_emulator.Journal, Is.Empty);
    }

    [Test]
    public void A_profile_setting_turns_read_only_mode_on_and_an_explicit_option_turns_it_off()
    {
        var config = new SpotConfig();
        config.Profiles["ci"] = new ProfileConfig { ReadOnly = true };

        UseClient(EmulatorClient(o => (o.Configuration, o.Profile) = (config, "ci")));
        var refused = Assert.ThrowsAsync<SpotReadOnlyException>(() => Call(() => Client.CloudSpaces.DeleteAsync("demo", null, default)));
        UseClient(EmulatorClient(o => (o.Configuration, o.Profile, o.ReadOnly) = (config, "ci", false)));
        var allowed = Assert.ThrowsAsync<SpotNotFoundException>(() => Call(() => Client.CloudSpaces.DeleteAsync("demo", null, default)));

        Assert.That(refused!.Message, Does.Contain("read_only: true in profile 'ci'"));
        Assert.That(allowed, Is.Not.Null, "the option outranks the profile: the delete reached the API (and found nothing)");
    }

    private SpotClientOptions ReadOnlyClient() => EmulatorClient(o => o.ReadOnly = true);

    private SpotClientOptions EmulatorClient(Action<SpotClientOptions> change) => Options(o =>
    {
        o.Sandbox = true;
        o.Transport = _transport;
        change(o);
    });

    private Expression<Func<Task>> Bind(Expression<Func<SpotClient, Task>> call) =>
        Expression.Lambda<Func<Task>>(new ClientBinder(call.Parameters[0], Expression.Constant(Client)).Visit(call.Body));

    private sealed class ClientBinder(ParameterExpression parameter, Expression client) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? client : base.VisitParameter(node);
    }
}
