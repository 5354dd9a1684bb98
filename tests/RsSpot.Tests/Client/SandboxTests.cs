using RsSpot.Emulator;
using RsSpot.Models;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

/// <summary>Sandbox mode: the whole SDK against the in-process emulator, with its world kept in sandbox.db.</summary>
public class SandboxTests(bool isAsync) : SandboxTestBase(isAsync)
{
    [Test]
    public async Task A_cloudspace_created_in_the_sandbox_is_listed_by_the_next_client()
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "demo", Region = "us-central-dfw-1" }, null, default));

        UseClient(Sandbox());
        var listed = await Call(() => Client.CloudSpaces.ListAsync(null, default));

        Assert.That(listed.Select(c => c.Name), Does.Contain("demo"));
        Assert.That(File.Exists(Path.Combine(Directory, "sandbox.db")), Is.True);
    }

    [Test]
    public async Task A_sync_client_is_an_async_client_with_the_same_operation_groups()
    {
        AsyncSpotClient asAsync = Client;

        var regions = await asAsync.Regions.ListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(asAsync.Regions, Is.SameAs(Client.Regions));
            Assert.That(asAsync.SpotNodePools, Is.SameAs(Client.SpotNodePools));
            Assert.That(regions.Select(r => r.Name), Is.EqualTo(Client.Regions.List().Select(r => r.Name)));
        });
    }

    [Test]
    public async Task A_cloudspace_becomes_ready_and_reports_progress()
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "waiter", Region = "uk-lon-1" }, null, default));
        var seen = new List<string?>();

        var ready = await Call(() => Client.CloudSpaces.WaitUntilReadyAsync("waiter", TimeSpan.FromMinutes(5), new SyncProgress<CloudSpace>(c => seen.Add(c.Phase)), null, default));

        Assert.Multiple(() =>
        {
            Assert.That(ready.IsReady, Is.True);
            Assert.That(ready.ApiServerEndpoint, Is.Not.Empty);
            Assert.That(seen.First(), Is.EqualTo("Provisioning"));
            Assert.That(seen.Last(), Is.EqualTo("Ready"));
        });
    }

    [Test]
    public void Waiting_longer_than_the_timeout_fails_with_the_phase()
    {
        Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "slow", Region = "uk-lon-1" }, null, default)).GetAwaiter().GetResult();

        var error = Assert.ThrowsAsync<SpotException>(() => Call(() => Client.CloudSpaces.WaitUntilReadyAsync("slow", TimeSpan.FromSeconds(5), null, null, default)));

        Assert.That(error!.Message, Does.Contain("not ready").And.Contain("Provisioning"));
    }

    [Test]
    public async Task Pools_are_created_with_generated_names_and_updated_field_by_field()
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "pools", Region = "us-central-dfw-1" }, null, default));
        var serverClass = (await Call(() => Client.ServerClasses.ListAsync("us-central-dfw-1", true, default))).First(c => c.Name.StartsWith("gp.", StringComparison.Ordinal));
        var bid = BidPrice.Format(serverClass.MinBidPricePerHour!.Value + 0.01m);

        var request = new CreateSpotNodePoolRequest
        {
            CloudSpace = "pools",
            ServerClass = serverClass.Name,
            BidPrice = bid,
            Desired = 2,
            CustomTaints = [Taint.Parse("team=data:NoSchedule")],
        };
        var pool = await Call(() => Client.SpotNodePools.CreateAsync(request, null, default));
        var updated = await Call(() => Client.SpotNodePools.UpdateAsync(pool.Name, new UpdateSpotNodePoolRequest { Desired = 3 }, null, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(pool.Name, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
            Assert.That(updated.Desired, Is.EqualTo(3));
            Assert.That(updated.BidPrice, Is.EqualTo(bid), "an update of desired leaves the bid alone");
            Assert.That(updated.CustomTaints, Is.EqualTo(new[] { new Taint("team", "data", "NoSchedule") }), "and the taints (W11)");
        });
    }

    [Test]
    public async Task A_bid_below_the_class_minimum_is_refused_before_sending()
    {
        var serverClass = (await Call(() => Client.ServerClasses.ListAsync("us-central-dfw-1", true, default))).First(c => c.MinBidPricePerHour > 0.001m);

        var error = Assert.ThrowsAsync<SpotValidationException>(() => Call(() => Client.SpotNodePools.CreateAsync(
            new CreateSpotNodePoolRequest { CloudSpace = "any", ServerClass = serverClass.Name, BidPrice = "0.001" }, null, default)));

        Assert.That(error!.Message, Does.Contain("below the minimum bid").And.Contain(serverClass.Name));
    }

    [Test]
    public async Task A_conditional_update_with_a_stale_version_is_a_conflict()
    {
        var created = await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "cas", Region = "us-central-dfw-1" }, null, default));
        await Call(() => Client.CloudSpaces.UpdateAsync("cas", new UpdateCloudSpaceRequest { Webhook = "https://hooks.example/a" }, created.ResourceVersion, null, default));

        var error = Assert.ThrowsAsync<SpotConflictException>(() => Call(() => Client.CloudSpaces.UpdateAsync("cas", new UpdateCloudSpaceRequest { Webhook = "https://hooks.example/b" }, created.ResourceVersion, null, default)));
        var current = await Call(() => Client.CloudSpaces.GetAsync("cas", null, default));

        Assert.That(error!.Message, Does.Contain("has changed"));
        Assert.That(current.Webhook, Is.EqualTo("https://hooks.example/a"));
    }

    [Test]
    public async Task Kubeconfig_inventory_events_and_feeds_work_in_the_sandbox()
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "kube", Region = "us-central-dfw-1" }, null, default));
        await Call(() => Client.CloudSpaces.WaitUntilReadyAsync("kube", null, null, null, default));

        var kubeconfig = await Call(() => Client.CloudSpaces.GetKubeconfigAsync("kube", null, default));
        var vms = await Call(() => Client.Inventory.ListVmCloudSpacesAsync(null, default));
        var events = await Call(() => Client.Inventory.ListEventsAsync(10, default));
        var percentiles = await Call(() => Client.Pricing.GetPercentilesAsync(default));
        var history = await Call(() => Client.Pricing.GetHistoryAsync(percentiles[0].ServerClass, default));

        Assert.Multiple(() =>
        {
            Assert.That(kubeconfig, Does.Contain("apiVersion: v1").And.Contain("kube"));
            Assert.That(vms.SelectMany(v => v.Servers), Is.Not.Empty);
            Assert.That(events.Events, Is.Not.Empty);
            Assert.That(history, Is.Not.Empty);
            Assert.That(history, Is.Ordered.By(nameof(PricePoint.RunAt)), "oldest first");
        });
    }

    [Test]
    public async Task A_caller_supplied_emulator_answers_a_sandbox_client_with_the_sandbox_credentials()
    {
        var emulator = new SpotEmulator(new SpotEmulatorOptions { Clock = Clock });
        using var transport = emulator.CreateHandler();
        UseClient(Options(o =>
        {
            o.Sandbox = true;
            o.Transport = transport;
            o.RefreshToken = "a real token the sandbox must never see";
        }));

        var regions = await Call(() => Client.Regions.ListAsync(default));

        Assert.That(regions, Is.Not.Empty);
        Assert.That(emulator.Journal.Select(e => e.PathAndQuery), Does.Contain("/oauth/token").And.Some.EndsWith("/regions"), "this emulator answered, and accepted the sandbox token");
    }

    /// <summary>Reports on the calling thread, so the test sees every observation before the call returns.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
