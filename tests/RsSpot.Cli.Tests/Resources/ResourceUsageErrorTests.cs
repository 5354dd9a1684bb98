namespace RsSpot.Cli.Tests.Resources;

/// <summary>Bad flags and values: each is refused with one line and the documented exit code, before anything is created.</summary>
public class ResourceUsageErrorTests : ResourceCommandTestBase
{
    private static readonly string[] SpotCreate = ["nodepools", "spot", "create", "--cloudspace", "cs", "--server-class", ServerClass, "--bid-price", "0.02"];

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, string message, params string[] args) => new TestCaseData(args, 2, message).SetName(name);

        yield return Case("taint without effect", "invalid taint 'gpu'", [.. SpotCreate, "--taint", "gpu"]);
        yield return Case("taint with unknown effect", "invalid taint effect 'Sometimes'", [.. SpotCreate, "--taint", "gpu=yes:Sometimes"]);
        yield return Case("label without equals", "invalid --label 'team': expected key=value", [.. SpotCreate, "--label", "team"]);
        yield return Case("annotation with empty key", "invalid --annotation '=x'", [.. SpotCreate, "--annotation", "=x"]);
        yield return Case("bid that is not a number", "invalid bid price 'cheap'", "nodepools", "spot", "create", "--cloudspace", "cs", "--server-class", ServerClass, "--bid-price", "cheap");
        yield return Case("bid with four decimals", "invalid bid price '0.0123'", "nodepools", "spot", "create", "--cloudspace", "cs", "--server-class", ServerClass, "--bid-price", "0.0123");
        yield return Case("bid below the class minimum", "below the minimum bid", "nodepools", "spot", "create", "--cloudspace", "cs", "--server-class", ServerClass, "--bid-price", "0.001");
        yield return Case("pool name that is not a uuid", "invalid pool name 'web-pool'", [.. SpotCreate, "--name", "web-pool"]);
        yield return Case("negative desired", "desired must be 0 or more", [.. SpotCreate, "--desired=-1"]);
        yield return Case("autoscaling without bounds", "--autoscaling needs both --min-nodes and --max-nodes", [.. SpotCreate, "--autoscaling"]);
        yield return Case("bounds without autoscaling", "need autoscaling switched on", [.. SpotCreate, "--min-nodes", "1", "--max-nodes", "3"]);
        yield return Case("inverted autoscaling bounds", "0 <= min <= max", [.. SpotCreate, "--autoscaling", "--min-nodes", "5", "--max-nodes", "2"]);
        yield return Case("pool update with nothing", "nothing to update", "nodepools", "ondemand", "update", "any");
        yield return Case("clear-taints with taint", "contradict", "nodepools", "spot", "update", "any", "--clear-taints", "--taint", "a:NoSchedule");
        yield return Case("autoscaling that is not a boolean", "invalid --autoscaling 'maybe'", "nodepools", "spot", "update", "any", "--autoscaling", "maybe");
        yield return Case("missing bid", "missing option --bid-price", "nodepools", "spot", "create", "--cloudspace", "cs", "--server-class", ServerClass);
        yield return Case("cloudspace name with capitals", "invalid cloudspace name 'Web_1'", "cloudspaces", "create", "--name", "Web_1", "--region", Region);
        yield return Case("unparseable timeout", "invalid --wait-timeout '5x'", "cloudspaces", "create", "--name", "web", "--region", Region, "--wait", "--wait-timeout", "5x");
        yield return Case("zero timeout", "invalid --wait-timeout '0'", "cloudspaces", "create", "--name", "web", "--region", Region, "--wait-timeout", "0");
        yield return Case("cloudspace update with nothing", "nothing to update", "cloudspaces", "update", "web");
        yield return Case("ha flag that is not a boolean", "invalid --ha-control-plane 'sure'", "cloudspaces", "update", "web", "--ha-control-plane", "sure");
        yield return Case("raw malformed params", "invalid --params-json: not valid JSON", "raw", "--path", "/apis", "--params-json", "{limit:");
        yield return Case("raw body that is a list", "invalid --body-json: expected a JSON object, got array", "raw", "--method", "POST", "--path", "/apis", "--body-json", "[1]");
        yield return Case("raw nested query value", "the value of 'filter' must be a string", "raw", "--path", "/apis", "--params-json", "{\"filter\": {\"a\": 1}}");
        yield return Case("raw unknown method", "invalid --method 'FETCH'", "raw", "--method", "FETCH", "--path", "/apis");
        yield return Case("raw relative path", "it must start with '/'", "raw", "--path", "apis/ngpc.rxt.io/v1/regions");
        yield return Case("events limit zero", "invalid --limit 0", "inventory", "events", "--limit", "0");
        yield return new TestCaseData(new[] { "nodepools", "spot", "create", "--cloudspace", "cs", "--server-class", "nope.vs1.tiny-dfw", "--bid-price", "0.02" }, 4, "nope.vs1.tiny-dfw")
            .SetName("unknown server class");
        yield return Case("an argument to a command that takes none", "'list' takes no arguments, got 'extra'", "regions", "list", "extra");
        yield return Case("a name given as an argument", "'create' takes no arguments, got 'web'", "cloudspaces", "create", "web", "--region", Region);
        yield return Case("a second name", "unexpected argument 'b': 'get' takes 1 (<name>)", "cloudspaces", "get", "a", "b");
        yield return new TestCaseData(new[] { "cloudspaces", "get", "nowhere" }, 4, "nowhere").SetName("unknown cloudspace");
        yield return new TestCaseData(new[] { "nodepools", "ondemand", "get", "nothing" }, 4, "nothing").SetName("unknown pool");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Is_refused_with_one_line(string[] args, int exitCode, string message)
    {
        var run = await Sandbox(args);
        var cloudSpaces = await Sandbox("cloudspaces", "list");

        AssertOneLineError(run, exitCode, message);
        Assert.That(cloudSpaces.Json, Is.Empty, "nothing was created");
    }

    [Test]
    public async Task Deleting_two_names_is_refused_before_either_is_deleted()
    {
        await Sandbox("cloudspaces", "create", "--name", "a", "--region", Region);
        await Sandbox("cloudspaces", "create", "--name", "b", "--region", Region);

        var run = await Sandbox("cloudspaces", "delete", "a", "b", "--yes");
        var left = await Sandbox("cloudspaces", "list");

        AssertOneLineError(run, 2, "unexpected argument 'b'");
        Assert.That(left.Json.Select(c => c.Value<string>("name")), Is.EquivalentTo(new[] { "a", "b" }), "the user did not get half of what they asked");
    }
}
