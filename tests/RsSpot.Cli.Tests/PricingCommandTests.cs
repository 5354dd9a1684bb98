using Newtonsoft.Json.Linq;
using RsSpot.Cli.Tests.Support;
using RsSpot.Configuration;
using RsSpot.Models;
using RsSpot.Operations;

namespace RsSpot.Cli.Tests;

/// <summary><c>rsspot pricing list|get|history|build</c> against the sandbox catalogue (reference tests 27-32 and more).</summary>
public class PricingCommandTests : CliTestBase
{
    [Test]
    public async Task List_defaults_to_a_table_for_one_node()
    {
        var run = await Sandbox("pricing", "list");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.StartWith("Pricing (").And.Contain("x1 nodes").And.Contain("$/mo").And.Contain("gp.vs1.medium-dfw"));
    }

    [Test]
    public async Task List_with_explicit_json_keeps_only_the_requested_class()
    {
        var run = await Sandbox("-o", "json", "pricing", "list", "--class", "gp");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That((int)run.Json["nodes"]!, Is.EqualTo(1));
        Assert.That(Names(run.Json["items"]!), Is.Not.Empty.And.All.StartWith("gp."));
    }

    [Test]
    public async Task List_multiplies_the_totals_by_the_node_count()
    {
        var run = await Sandbox("-o", "json", "pricing", "list", "--nodes", "5", "--class", "gp,ch");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That((int)run.Json["nodes"]!, Is.EqualTo(5));
        foreach (var item in run.Json["items"]!)
        {
            Assert.That((decimal)item["hourly_for_nodes"]!, Is.EqualTo(5 * (decimal)item["hourly_per_node"]!), item.ToString());
            Assert.That((decimal)item["monthly_for_nodes"]!, Is.EqualTo(5 * 730 * (decimal)item["hourly_per_node"]!), item.ToString());
        }
    }

    [Test]
    public async Task List_filters_regions_case_insensitively_and_sorts_by_cpu()
    {
        var run = await Sandbox("-o", "json", "pricing", "list", "--region", "US-CENTRAL-DFW-1,us-west-sjc-1", "--region", "uk-lon-1", "--sort", "cpu", "--min-cpu", "4");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var items = run.Json["items"]!;
        Assert.That(items.Select(i => (string)i["region"]!).Distinct(), Is.SubsetOf(new[] { "us-central-dfw-1", "us-west-sjc-1", "uk-lon-1" }).And.Not.Empty);
        Assert.That(items.Select(i => (decimal)i["cpu_count"]!), Is.Ordered.Descending.And.All.GreaterThanOrEqualTo(4m));
    }

    [Test]
    public async Task List_with_no_match_says_so_and_succeeds()
    {
        var run = await Sandbox("pricing", "list", "--min-cpu", "100000");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out.Trim(), Is.EqualTo("No pricing entries matched the provided filters."));
    }

    [Test]
    public async Task Get_prints_one_class_with_parsed_prices()
    {
        var run = await Sandbox("pricing", "get", "gp.vs1.medium-dfw");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That((string)run.Json["server_class_name"]!, Is.EqualTo("gp.vs1.medium-dfw"));
        Assert.That((decimal)run.Json["monthly_per_node"]!, Is.EqualTo(730 * (decimal)run.Json["hourly_per_node"]!));
    }

    [Test]
    public async Task History_shows_statistics_and_a_sparkline_or_the_raw_points()
    {
        var table = await Sandbox("pricing", "history", "gp.vs1.medium-dfw", "--width", "12");
        var json = await Sandbox("-o", "json", "pricing", "history", "gp.vs1.medium-dfw");

        Assert.That(table.ExitCode, Is.Zero, table.ToString());
        Assert.That(table.Out, Does.StartWith("Price history gp.vs1.medium-dfw").And.Contain("Median"));
        Assert.That(table.Out, Does.Match(@"(?m)(^|\s)[▁▂▃▄▅▆▇█]{12}(\s|$)"), "the sparkline fills exactly --width characters");
        Assert.That((string)json.Json["auction"]!, Is.EqualTo("gp.vs1.medium-dfw"));
        Assert.That(json.Json["history"]!.Select(p => (long)p["run_at"]!), Is.Not.Empty.And.Ordered.Ascending);
    }

    [Test]
    public async Task History_of_an_unknown_class_exits_4()
    {
        var run = await Sandbox("pricing", "history", "zz.vs9.nothing");

        Assert.That(run.ExitCode, Is.EqualTo(4), run.ToString());
        Assert.That(run.Error, Does.Contain("no price history for server class 'zz.vs9.nothing'"));
    }

    [Test]
    public async Task Build_returns_the_three_strategies_by_default()
    {
        var run = await Sandbox("-o", "json", "pricing", "build", "--nodes", "5", "--classes", "gp,ch,mh");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["scenarios"]!.Select(s => (string)s["strategy"]!), Is.EquivalentTo(new[] { "max_performance", "max_value", "balanced" }));
        Assert.That(run.Json["warning"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [TestCase("--min-hour", "10", "--max-hour", "11")]
    [TestCase("--min-month", "10000", "--max-month", "11000")]
    public async Task Build_returns_no_scenarios_and_a_warning_when_the_budget_excludes_everything(string minFlag, string min, string maxFlag, string max)
    {
        var run = await Sandbox("-o", "json", "pricing", "build", "--nodes", "5", minFlag, min, maxFlag, max);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["scenarios"], Is.Empty);
        Assert.That((string?)run.Json["warning"], Does.StartWith("No plan matched the provided hourly/monthly budget"));
    }

    [Test]
    public async Task Build_prints_tables_and_the_warning_by_default()
    {
        var plan = await Sandbox("pricing", "build", "--nodes", "5", "--balanced", "--risk", "low");
        var none = await Sandbox("pricing", "build", "--nodes", "5", "--min-hour", "10");

        Assert.That(plan.ExitCode, Is.Zero, plan.ToString());
        Assert.That(plan.Out, Does.StartWith("Pricing build (5 nodes, risk low)").And.Contain("max_value pools").And.Contain("TOTAL"));
        Assert.That(none.ExitCode, Is.Zero, none.ToString());
        Assert.That(none.Out.Trim(), Does.StartWith("warning: No plan matched").And.Not.Contain("pools"));
    }

    [Test]
    public async Task Build_apply_creates_the_chosen_plans_pools_in_the_cloudspace()
    {
        await CreateSandboxCloudSpace("plan-dfw", "us-central-dfw-1");

        var run = await Sandbox("-o", "json", "pricing", "build", "--nodes", "3", "--regions", "us-central-dfw-1", "--balanced", "--risk", "low",
            "--apply", "--cloudspace", "plan-dfw", "--yes");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var planned = run.Json["plan"]!["scenarios"]!.Single(s => (string)s["strategy"]! == "balanced")["pools"]!;
        var applied = run.Json["applied"]!["pools"]!;
        Assert.That(applied.Select(p => (string)p["server_class"]!), Is.EqualTo(planned.Select(p => (string)p["server_class_name"]!)));
        Assert.That(applied.Select(p => (string)p["bid_price"]!), Is.EqualTo(planned.Select(p => (string)p["suggested_bid"]!)));

        using var client = SandboxClient();
        var pools = client.SpotNodePools.List("plan-dfw");
        Assert.That(pools.Sum(p => p.Desired), Is.EqualTo(3));
        Assert.That(pools.Select(p => p.CustomLabels[PricingOperations.PlanStrategyLabel]), Has.All.EqualTo("balanced"));
    }

    [Test]
    public async Task Build_apply_refuses_a_cloudspace_in_another_region_with_exit_2()
    {
        await CreateSandboxCloudSpace("plan-lon", "uk-lon-1");

        var run = await Sandbox("pricing", "build", "--nodes", "2", "--regions", "us-central-dfw-1", "--apply", "--cloudspace", "plan-lon", "--yes");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("error: cloudspace plan-lon is in region uk-lon-1"));
        using var client = SandboxClient();
        Assert.That(client.SpotNodePools.List("plan-lon"), Is.Empty);
    }

    [Test]
    public async Task Build_apply_asks_first_and_a_no_creates_nothing()
    {
        await CreateSandboxCloudSpace("plan-dfw", "us-central-dfw-1");

        var declined = await Run(["--sandbox", "pricing", "build", "--nodes", "2", "--regions", "us-central-dfw-1", "--apply", "--cloudspace", "plan-dfw"], input: "n\n");
        var unattended = await Sandbox("pricing", "build", "--nodes", "2", "--regions", "us-central-dfw-1", "--apply", "--cloudspace", "plan-dfw");

        Assert.That(declined.ExitCode, Is.EqualTo(2), declined.ToString());
        Assert.That(declined.Error, Does.Contain("Create 1 spot pool(s) in cloudspace plan-dfw").And.Contain("error: cancelled"));
        Assert.That(unattended.ExitCode, Is.EqualTo(2), unattended.ToString());
        Assert.That(unattended.Error, Does.Contain("pass --yes"));
        using var client = SandboxClient();
        Assert.That(client.SpotNodePools.List("plan-dfw"), Is.Empty);
    }

    [TestCase(new[] { "pricing", "list", "--nodes", "0" }, "--nodes must be at least 1")]
    [TestCase(new[] { "pricing", "list", "--min-cpu", "8", "--max-cpu", "2" }, "--min-cpu 8 is greater than --max-cpu 2")]
    [TestCase(new[] { "pricing", "list", "--gen", "3" }, "invalid --gen 3")]
    [TestCase(new[] { "pricing", "list", "--sort", "cheapest" }, "invalid --sort 'cheapest'")]
    [TestCase(new[] { "pricing", "list", "--min-memory=-1" }, "--min-memory must not be negative")]
    [TestCase(new[] { "pricing", "history", "gp.vs1.medium-dfw", "--width", "0" }, "--width must be at least 1")]
    [TestCase(new[] { "pricing", "build" }, "missing option --nodes")]
    [TestCase(new[] { "pricing", "build", "--nodes", "0" }, "--nodes must be at least 1")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--risk", "extreme" }, "invalid --risk 'extreme'")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--gen", "0" }, "invalid --gen 0")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--min-hour", "2", "--max-hour", "1" }, "--min-hour 2 is greater than --max-hour 1")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--min-month", "100", "--max-month", "50" }, "--min-month 100 is greater than --max-month 50")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--max-hour=-1" }, "--max-hour must not be negative")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--balanced", "--single" }, "either --balanced or --single")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--apply" }, "--apply needs --cloudspace")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--cloudspace", "x" }, "--cloudspace is only used with --apply")]
    [TestCase(new[] { "pricing", "build", "--nodes", "5", "--strategy", "fastest" }, "invalid --strategy 'fastest'")]
    public async Task Bad_flags_exit_2_with_one_line(string[] args, string message)
    {
        AssertOneLineError(await Run(args), 2, message);
    }

    private static IEnumerable<string> Names(JToken items) => items.Select(i => (string)i["server_class_name"]!);

    /// <summary>An SDK client on the same sandbox state the CLI runs use (same home directory).</summary>
    private SpotClient SandboxClient() =>
        new(new SpotClientOptions { Sandbox = true, Environment = new ConfigEnvironment(Variables, Home) });

    private async Task CreateSandboxCloudSpace(string name, string region)
    {
        using var client = SandboxClient();
        await client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = name, Region = region });
    }
}
