using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Tests;

public class GlobalOptionsTests
{
    [Test]
    public void Global_options_are_taken_from_before_and_after_the_command_path()
    {
        var options = GlobalOptions.Parse(["-o", "json", "pricing", "list", "--class", "gp", "-p", "prod", "--no-cache", "--config-file=/tmp/c.yml"]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Output, Is.EqualTo(OutputFormat.Json));
            Assert.That(options.Profile, Is.EqualTo("prod"));
            Assert.That(options.ConfigFile, Is.EqualTo("/tmp/c.yml"));
            Assert.That(options.NoCache, Is.True);
            Assert.That(options.Remaining, Is.EqualTo(new[] { "pricing", "list", "--class", "gp" }));
        });
    }

    [Test]
    public void Everything_after_a_double_dash_is_left_alone()
    {
        var options = GlobalOptions.Parse(["raw", "--", "-o", "x"]);

        Assert.That(options.Output, Is.Null);
        Assert.That(options.Remaining, Is.EqualTo(new[] { "raw", "--", "-o", "x" }));
    }

    [TestCase("5", 5)]
    [TestCase("2.5", 2.5)]
    [TestCase("90s", 90)]
    [TestCase("2m", 120)]
    public void The_timeout_takes_seconds_or_a_duration(string text, double seconds) =>
        Assert.That(GlobalOptions.Parse(["regions", "list", "--timeout", text]).Timeout, Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase("yaml", "Yaml")]
    [TestCase("YML", "Yaml")]
    [TestCase("table", "Table")]
    [TestCase("jsonl", "Jsonl")]
    public void Output_formats_are_case_insensitive(string text, string expected) =>
        Assert.That(GlobalOptions.Parse(["--output", text]).Output.ToString(), Is.EqualTo(expected));

    [TestCase(new[] { "-o" }, "option -o needs a value")]
    [TestCase(new[] { "-o", "xml" }, "invalid output format 'xml'")]
    [TestCase(new[] { "--profile", "--sandbox" }, "option --profile needs a value")]
    [TestCase(new[] { "--sandbox=maybe" }, "option --sandbox takes no value")]
    [TestCase(new[] { "--timeout", "0" }, "invalid --timeout '0'")]
    [TestCase(new[] { "--timeout=soon" }, "invalid --timeout 'soon'")]
    [TestCase(new[] { "--timeout" }, "option --timeout needs a value")]
    public void Malformed_global_options_are_usage_errors(string[] args, string message)
    {
        var error = Assert.Throws<UsageException>(() => GlobalOptions.Parse(args));

        Assert.That(error!.Message, Does.StartWith(message));
    }
}
