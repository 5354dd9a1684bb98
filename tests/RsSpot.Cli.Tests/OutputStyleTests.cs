using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Output;
using RsSpot.Cli.Progress;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

public class OutputStyleTests : CliTestBase
{
    private const string ServerClass = "gp.vs1.medium-dfw";

    [TestCase("yaml")]
    [TestCase("json")]
    [TestCase("table")]
    public async Task Dates_are_iso_8601_in_every_format(string format)
    {
        var run = await Sandbox("-o", format, "server-classes", "get", ServerClass);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Match(@"last_auction[""]?:?\s+[""]?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z").And.Not.Contain("Ticks").And.Not.Contain("DayOfWeek"));
    }

    [Test]
    public async Task Tables_fit_the_terminal_width_and_wide_keeps_every_column_whole()
    {
        Variables["COLUMNS"] = "60";
        var narrow = await Sandbox("-o", "table", "server-classes", "list");
        var wide = await Sandbox("-o", "table", "--wide", "server-classes", "list");

        Assert.Multiple(() =>
        {
            Assert.That(narrow.Out.Split('\n').Max(l => l.Length), Is.LessThanOrEqualTo(60), narrow.Out);
            Assert.That(narrow.Out, Does.Contain("…"));
            Assert.That(wide.Out.Split('\n').Max(l => l.Length), Is.GreaterThan(60));
            Assert.That(wide.Out, Does.Not.Contain("…").And.Contain(ServerClass));
        });
    }

    [Test]
    public void Tables_have_a_header_rule_only_and_colour_status_words_when_asked()
    {
        var rows = JArray.Parse("""[{"name": "web", "phase": "Ready"}, {"name": "db", "phase": "Failed"}]""");

        var plain = TableFormatter.Format(rows, null, TableStyle.Plain).Split('\n');
        var coloured = TableFormatter.Format(rows, null, new TableStyle(null, new Palette(true)));

        Assert.Multiple(() =>
        {
            Assert.That(plain, Has.Length.EqualTo(4));
            Assert.That(plain[0], Is.EqualTo("NAME  PHASE"));
            Assert.That(plain[1], Is.EqualTo("────  ──────"));
            Assert.That(plain[2], Is.EqualTo("web   Ready"));
            Assert.That(coloured, Does.Contain("\u001b[32mReady\u001b[0m").And.Contain("\u001b[31mFailed\u001b[0m"));
        });
    }

    [TestCase(true, null, false, true)]
    [TestCase(true, "1", false, false)]
    [TestCase(true, null, true, false)]
    [TestCase(false, null, false, false)]
    public void Colour_only_on_a_terminal_without_no_color(bool terminal, string? noColorVariable, bool noColorOption, bool expected)
    {
        var variables = new Dictionary<string, string?>();
        if (noColorVariable is not null)
        {
            variables["NO_COLOR"] = noColorVariable;
        }

        var environment = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, In = TextReader.Null, IsOutputTerminal = terminal, IsErrorTerminal = terminal, Variables = variables, HomeDirectory = Home };
        var options = GlobalOptions.Parse(noColorOption ? ["--no-color"] : []);

        Assert.Multiple(() =>
        {
            Assert.That(Palette.ForOutput(environment, options).Enabled, Is.EqualTo(expected));
            Assert.That(Palette.ForErrors(environment, options.NoColor).Enabled, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task Errors_are_plain_when_stderr_is_not_a_terminal()
    {
        var run = await Run("regions", "lst");

        Assert.That(run.Error, Does.StartWith("error: ").And.Not.Contain("\u001b["));
    }

    [Test]
    public void Off_a_terminal_a_wait_prints_each_change_and_a_heartbeat_every_30_seconds()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var environment = new CliEnvironment { Out = TextWriter.Null, Error = error, In = TextReader.Null, Variables = new Dictionary<string, string?>(), HomeDirectory = Home };
        using (var progress = new WaitProgress<WaitStatus>(environment, "pool web", s => s, Palette.None, time))
        {
            progress.Report(new WaitStatus("Provisioning", BidStatus: "pending", Won: 0, Desired: 3));
            time.Advance(TimeSpan.FromSeconds(30));
            progress.Report(new WaitStatus("Provisioning", BidStatus: "pending", Won: 0, Desired: 3));
            time.Advance(TimeSpan.FromSeconds(15));
            progress.Report(new WaitStatus("Ready", BidStatus: "won", Won: 3, Desired: 3));
        }

        Assert.That(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "pool web: Provisioning, bid pending, 0/3 won after 0s",
            "pool web: still Provisioning, bid pending, 0/3 won after 30s",
            "pool web: Ready, bid won, 3/3 won after 45s",
        }));
    }

    [Test]
    public void On_a_terminal_a_wait_redraws_one_live_line_with_the_elapsed_time()
    {
        var time = new FakeTimeProvider();
        using var error = new StringWriter();
        var environment = new CliEnvironment { Out = TextWriter.Null, Error = error, In = TextReader.Null, IsErrorTerminal = true, Variables = new Dictionary<string, string?>(), HomeDirectory = Home };
        using (var progress = new WaitProgress<WaitStatus>(environment, "cloudspace demo", s => s, Palette.None, time))
        {
            progress.Report(new WaitStatus("Provisioning"));
            time.Advance(TimeSpan.FromSeconds(65));
        }

        var text = error.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("cloudspace demo: Provisioning after 0s\n"));
            Assert.That(text, Does.Contain("\r\u001b[2K").And.Contain("cloudspace demo: Provisioning · 1m05s"));
            Assert.That(text, Does.EndWith("\r\u001b[2K"), "the live line is erased when the wait ends");
        });
    }
}
