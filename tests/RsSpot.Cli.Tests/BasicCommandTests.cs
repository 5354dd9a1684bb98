using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

public class BasicCommandTests : CliTestBase
{
    [Test]
    public async Task Version_prints_the_name_and_version()
    {
        var run = await Run("--version");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Match(@"^rsspot \d+\.\d+\.\d+"));
    }

    [Test]
    public async Task No_arguments_prints_help_naming_rsspot()
    {
        var run = await Run();

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.StartWith("Usage: rsspot").And.Contain("organizations"));
    }

    [Test]
    public async Task Organizations_list_prints_json_by_default_and_a_table_on_request()
    {
        var json = await Sandbox("organizations", "list");
        var table = await Sandbox("organizations", "list", "-o", "table");

        Assert.Multiple(() =>
        {
            Assert.That(json.ExitCode, Is.Zero, json.ToString());
            Assert.That(json.Json[0]!["name"]!.ToString(), Is.EqualTo("acme-corp"));
            Assert.That(json.Error, Does.Contain("sandbox:"), "the sandbox announces itself on stderr");
            Assert.That(table.Out, Does.Contain("acme-corp").And.Contain("NAMESPACE").And.Contain("───").And.Not.Contain("|"));
        });
    }

    [Test]
    public async Task Yaml_output_keeps_string_prices_as_strings()
    {
        var run = await Sandbox("-o", "yaml", "regions", "get", "us-central-dfw-1");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain("name: us-central-dfw-1").And.Contain("country: USA"));
    }

    [TestCase(new[] { "regions", "lst" }, "'lst' is not a command")]
    [TestCase(new[] { "regions", "list", "--bogus" }, "unknown option --bogus (see --help)")]
    [TestCase(new[] { "regions", "get" }, "missing argument <name>")]
    [TestCase(new[] { "pricing", "list", "--min-vcpu", "2" }, "unknown option --min-vcpu (did you mean --min-cpu?)")]
    [TestCase(new[] { "emulator", "serve", "--port", "abc" }, "invalid --port: expected a whole number")]
    [TestCase(new[] { "emulator", "serve", "--port", "70000" }, "invalid port 70000")]
    [TestCase(new[] { "-o", "xml", "regions", "list" }, "invalid output format 'xml'")]
    public async Task Usage_errors_exit_2_with_one_line(string[] args, string message)
    {
        AssertOneLineError(await Run(args), 2, message);
    }

    [Test]
    public async Task A_missing_resource_exits_4()
    {
        var run = await Sandbox("regions", "get", "mars-1");

        Assert.That(run.ExitCode, Is.EqualTo(4), run.ToString());
        Assert.That(run.Error, Does.Contain("error: ").And.Contain("mars-1"));
    }

    [Test]
    public async Task Without_credentials_the_api_commands_exit_3()
    {
        var run = await Run("regions", "list");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        Assert.That(run.Error, Does.Contain("rsspot configure --refresh-token"));
    }

    [Test]
    public async Task An_interrupted_command_exits_130()
    {
        using var interruption = new Interruption();
        interruption.Request(System.Runtime.InteropServices.PosixSignal.SIGINT);

        var run = await Run(["--sandbox", "regions", "list"], input: null, interruption: interruption);

        Assert.That(run.ExitCode, Is.EqualTo(130), run.ToString());
        Assert.That(run.Error, Does.Contain("error: interrupted"));
    }

    [Test]
    public async Task A_terminated_command_exits_143()
    {
        using var interruption = new Interruption();
        interruption.Request(System.Runtime.InteropServices.PosixSignal.SIGTERM);

        var run = await Run(["--sandbox", "regions", "list"], input: null, interruption: interruption);

        Assert.That(run.ExitCode, Is.EqualTo(143), run.ToString());
        Assert.That(run.Error, Does.Contain("error: terminated (SIGTERM)"));
    }
}
