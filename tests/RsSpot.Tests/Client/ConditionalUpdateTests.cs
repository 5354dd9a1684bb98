using RsSpot.Emulator;
using RsSpot.Models;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

/// <summary>
/// Conditional updates (PUT with the resourceVersion read) against the emulator when the reply is lost: the retried
/// PUT meets the version its own first attempt replaced, and a re-run meets a newer version. Both are read back and
/// succeed when the object holds every requested value; a real conflict still fails.
/// </summary>
public class ConditionalUpdateTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string ServerClass = "gp.vs1.medium-dfw";
    private SpotEmulator _emulator = null!;
    private HttpMessageHandler _transport = null!;

    [SetUp]
    public void UseEmulator()
    {
        _emulator = new SpotEmulator(new SpotEmulatorOptions { Clock = Clock, ProvisioningDelay = TimeSpan.Zero });
        _transport = _emulator.CreateHandler();
        _emulator.SetMarketPrice(ServerClass, 0.020m); // under the bid guard's 3x for the pools' 0.050 bid
        UseClient(Options(o =>
        {
            o.Sandbox = true;
            o.Transport = _transport;
        }));
    }

    [TearDown]
    public void DisposeEmulator()
    {
        Client.Dispose();
        _transport.Dispose();
    }

    [Test]
    public async Task A_cloudspace_update_whose_reply_was_dropped_after_it_applied_succeeds()
    {
        var created = await Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "cas", Region = "us-central-dfw-1" });
        _emulator.Faults.Add(new FaultRule { Route = "PUT /apis/ngpc.rxt.io/v1/namespaces/*/cloudspaces/cas", ApplyThenFail = true, DropConnection = true, Count = 1 });

        var updated = await Call(() => Client.CloudSpaces.UpdateAsync("cas", new UpdateCloudSpaceRequest { Webhook = "https://hooks.example/a" }, created.ResourceVersion, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(updated.Webhook, Is.EqualTo("https://hooks.example/a"));
            Assert.That(Statuses("PUT"), Is.EqualTo(new[] { 0, 409 }), "the first reply was lost; the retry met the version it had replaced");
        });
    }

    [Test]
    public async Task A_pool_update_answered_503_after_it_applied_succeeds()
    {
        var pool = await CreatePoolAsync();
        _emulator.Faults.Add(new FaultRule { Route = "PUT /apis/ngpc.rxt.io/v1/namespaces/*/spotnodepools/*", ApplyThenFail = true, StatusCode = 503, Count = 1 });

        var updated = await Call(() => Client.SpotNodePools.UpdateAsync(pool.Name, new UpdateSpotNodePoolRequest { Desired = 3 }, pool.ResourceVersion, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(updated.Desired, Is.EqualTo(3));
            Assert.That(Statuses("PUT"), Is.EqualTo(new[] { 503, 409 }));
        });
    }

    [Test]
    public async Task Re_running_an_update_that_already_applied_succeeds_without_writing_again()
    {
        var pool = await CreatePoolAsync();
        var change = new UpdateSpotNodePoolRequest { Desired = 2, CustomLabels = new Dictionary<string, string> { ["team"] = "a" } };
        await Client.SpotNodePools.UpdateAsync(pool.Name, change, pool.ResourceVersion);

        var again = await Call(() => Client.SpotNodePools.UpdateAsync(pool.Name, change, pool.ResourceVersion, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(again.Desired, Is.EqualTo(2));
            Assert.That(again.CustomLabels["team"], Is.EqualTo("a"));
            Assert.That(Statuses("PUT"), Is.EqualTo(new[] { 200 }), "the re-run found it done and sent nothing");
        });
    }

    [Test]
    public async Task A_stale_version_whose_change_is_not_there_is_still_a_conflict()
    {
        var pool = await CreatePoolAsync();
        await Client.SpotNodePools.UpdateAsync(pool.Name, new UpdateSpotNodePoolRequest { Desired = 2 }, pool.ResourceVersion);

        var error = Assert.ThrowsAsync<SpotConflictException>(() => Call(() => Client.SpotNodePools.UpdateAsync(pool.Name, new UpdateSpotNodePoolRequest { Desired = 3 }, pool.ResourceVersion, null, default)));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Message, Does.Contain("has changed"));
            Assert.That((await Client.SpotNodePools.GetAsync(pool.Name)).Desired, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_conflict_from_the_server_that_did_not_apply_the_change_still_fails()
    {
        var pool = await CreatePoolAsync();
        _emulator.Faults.Add(new FaultRule { Route = "PUT /apis/ngpc.rxt.io/v1/namespaces/*/spotnodepools/*", StatusCode = 409 });

        Assert.ThrowsAsync<SpotConflictException>(() => Call(() => Client.SpotNodePools.UpdateAsync(pool.Name, new UpdateSpotNodePoolRequest { Desired = 3 }, pool.ResourceVersion, null, default)));

        _emulator.Faults.Clear();
        Assert.That((await Client.SpotNodePools.GetAsync(pool.Name)).Desired, Is.EqualTo(1));
    }

    private async Task<SpotNodePool> CreatePoolAsync()
    {
        await Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "pools", Region = "us-central-dfw-1" });
        return await Client.SpotNodePools.CreateAsync(new CreateSpotNodePoolRequest { CloudSpace = "pools", ServerClass = ServerClass, BidPrice = "0.050", Desired = 1 });
    }

    private List<int> Statuses(string method) => _emulator.Journal.Where(e => e.Method == method).Select(e => e.StatusCode).ToList();
}
