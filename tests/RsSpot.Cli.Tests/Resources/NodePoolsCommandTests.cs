using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests.Resources;

[TestFixture("spot")]
[TestFixture("ondemand")]
public class NodePoolsCommandTests(string kind) : ResourceCommandTestBase
{
    private const string PoolName = "3f0c8a52-8d1e-4c7b-9a55-0e6f2b1d9c47";

    private bool IsSpot => kind == "spot";

    [SetUp]
    public Task CloudSpace() => CreateCloudSpace("pools");

    [Test]
    public async Task Create_list_get_update_delete_round_trip()
    {
        var created = await Pools("create", "--name", PoolName, "--cloudspace", "pools", "--server-class", ServerClass,
            "--label", "team = web", "--annotation", "owner=ops", "--taint", "dedicated=web:NoSchedule");
        var listed = await Pools("list", "--cloudspace", "pools");
        var table = await Pools("list", "-o", "table");
        var updated = await Pools("update", PoolName, "--desired", "3", "--label", "tier=front");
        var fetched = await Pools("get", PoolName);
        var deleted = await Pools("delete", PoolName, "--yes");
        var gone = await Pools("get", PoolName);

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.Zero, created.ToString());
            Assert.That(created.Json["desired"]!.ToObject<int>(), Is.EqualTo(1));
            Assert.That(created.Json["custom_labels"]!["team"]!.ToString(), Is.EqualTo("web"), "keys and values are trimmed");
            Assert.That(listed.Json.Select(p => p["name"]!.ToString()), Is.EqualTo(new[] { PoolName }));
            Assert.That(table.Out, Does.Contain("AUTOSCALING").And.Contain("dedicated=web:NoSchedule").And.Contain(" off"));
            Assert.That(updated.ExitCode, Is.Zero, updated.ToString());
            Assert.That(fetched.Json["desired"]!.ToObject<int>(), Is.EqualTo(3));
            Assert.That(fetched.Json["custom_taints"]![0]!["key"]!.ToString(), Is.EqualTo("dedicated"), "taints not given to update stay");
            Assert.That(fetched.Json["custom_labels"]!["team"]!.ToString(), Is.EqualTo("web"), "labels are merged, not replaced");
            Assert.That(fetched.Json["custom_labels"]!["tier"]!.ToString(), Is.EqualTo("front"));
            Assert.That(fetched.Json["custom_annotations"]!["owner"]!.ToString(), Is.EqualTo("ops"));
            Assert.That(fetched.Json["autoscaling"]!["enabled"]!.ToObject<bool>(), Is.False);
            if (IsSpot)
            {
                Assert.That(fetched.Json["bid_price"]!.ToString(), Is.EqualTo("0.02"), "the bid is kept when not given");
            }

            Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
            Assert.That(gone.ExitCode, Is.EqualTo(4), gone.ToString());
        });
    }

    [Test]
    public async Task A_pool_name_is_generated_when_none_is_given()
    {
        var run = await Pools("create", "--cloudspace", "pools", "--server-class", ServerClass);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["name"]!.ToString(), Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    }

    [Test]
    public async Task Autoscaling_and_taints_can_be_switched_on_and_cleared()
    {
        await Pools("create", "--name", PoolName, "--cloudspace", "pools", "--server-class", ServerClass, "--taint", "gpu:NoExecute");

        var scaled = await Pools("update", PoolName, "--autoscaling", "true", "--min-nodes", "1", "--max-nodes", "4", "--clear-taints");
        var table = await Pools("list", "-o", "table");

        Assert.Multiple(() =>
        {
            Assert.That(scaled.ExitCode, Is.Zero, scaled.ToString());
            Assert.That(scaled.Json["autoscaling"]!["enabled"]!.ToObject<bool>(), Is.True);
            Assert.That(scaled.Json["autoscaling"]!["max_nodes"]!.ToObject<int>(), Is.EqualTo(4));
            Assert.That(scaled.Json["custom_taints"], Is.Empty);
            Assert.That(table.Out, Does.Contain("1..4"));
        });
    }

    [Test]
    public async Task Delete_asks_on_a_terminal_and_needs_yes_without_one()
    {
        await Pools("create", "--name", PoolName, "--cloudspace", "pools", "--server-class", ServerClass);

        var refused = await Pools("delete", PoolName);
        var confirmed = await SandboxOnTerminal("y\n", "nodepools", kind, "delete", PoolName);
        var gone = await Pools("get", PoolName);

        AssertOneLineError(refused, 2, "pass --yes");
        Assert.That(confirmed.ExitCode, Is.Zero, confirmed.ToString());
        Assert.That(confirmed.Error, Does.Contain($"pool '{PoolName}'? [y/N]"));
        Assert.That(gone.ExitCode, Is.EqualTo(4), gone.ToString());
    }

    /// <summary>Runs <c>nodepools KIND ...</c>; a spot create gets a bid, since that is the one option on-demand pools lack.</summary>
    private Task<CliRun> Pools(params string[] args)
    {
        string[] bid = IsSpot && args[0] == "create" ? ["--bid-price", "0.02"] : [];
        return Sandbox(["nodepools", kind, .. args, .. bid]);
    }
}
