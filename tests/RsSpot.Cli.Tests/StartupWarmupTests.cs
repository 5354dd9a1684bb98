using RsSpot.Cli.Hosting;
using RsSpot.Cli.Tests.Support;
using RsSpot.Configuration;

namespace RsSpot.Cli.Tests;

/// <summary>The start-up warm-up of a real process (Program.cs) warms what it claims and changes nothing a user sees.</summary>
public class StartupWarmupTests : CliTestBase
{
    [Test]
    [CancelAfter(120_000)]
    public async Task A_process_run_with_its_warm_up_answers_exactly_like_an_in_process_run()
    {
        var process = await RunProcess("--sandbox", "regions", "list", "-o", "json");
        var inProcess = await Sandbox("regions", "list", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.Zero, process.ToString());
            Assert.That(process.Json.Select(region => region.Value<string>("name")), Does.Contain("us-central-dfw-1"));
            Assert.That(process.Out, Is.EqualTo(inProcess.Out));
            Assert.That(process.Error, Is.EqualTo(inProcess.Error));
        });
    }

    [Test]
    public void The_warm_up_sample_is_a_valid_configuration_with_a_nested_block()
    {
        var config = ConfigSerializer.Parse(StartupWarmup.SampleConfig, ConfigFormat.Yaml);

        Assert.That(config.Profiles["warm-up"].Region, Is.EqualTo("r"));
        Assert.That(config.Profiles["warm-up"].Retry?.MaxAttempts, Is.EqualTo(1));
    }
}
