using System.Runtime.InteropServices;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;
using RsSpot.Emulator;

namespace RsSpot.Cli.Tests.Observability;

/// <summary>
/// <c>rsspot watch</c> as a process would run it: JSON lines on stdout, events in state.db, <c>--exec</c> per event,
/// a clean stop on SIGTERM, and an outage that is an error, never a pre-emption.
/// </summary>
public class WatchCommandTests : EmulatedOrganizationTestBase
{
    [Test]
    public async Task A_pre_emption_between_two_looks_is_printed_as_json_lines_and_recorded()
    {
        var first = await Expect(Run("-o", "jsonl", "watch", "--cloudspace", CloudSpaceName, "--count", "1"));
        var taken = Emulator.Preempt(Pool).Single();
        var second = await Expect(Run("-o", "jsonl", "watch", "--cloudspace", CloudSpaceName, "--count", "1"));
        var recorded = await Expect(Run("events", "list", "--type", "server-removed"));

        var removed = Lines(second).Single(e => e["type"]!.ToString() == "server-removed");
        Assert.Multiple(() =>
        {
            Assert.That(Lines(first).Select(e => e["type"]!.ToString()), Is.EqualTo(new[] { "cloudspace-seen", "pool-seen" }));
            Assert.That(Lines(second).Select(e => e["type"]!.ToString()), Is.EqualTo(new[] { "bid-status-changed", "won-count-changed", "server-removed" }));
            Assert.That(removed["server"]!.ToString(), Is.EqualTo(taken));
            Assert.That(removed["cloud_space"]!.ToString(), Is.EqualTo(CloudSpaceName));
            Assert.That(removed["data"]!["likely_preemption"]!.ToObject<bool>(), Is.True);
            Assert.That(recorded.Json.Single()["id"]!.ToString(), Is.EqualTo(removed["id"]!.ToString()));
            Assert.That(second.Error, Does.Contain($"recording events in {StatePath}"));
        });
    }

    [Test]
    public async Task An_outage_is_one_watch_error_and_never_a_removed_server()
    {
        await Expect(Run("-o", "jsonl", "watch", "--cloudspace", CloudSpaceName, "--count", "1"));
        Emulator.Faults.Add(new FaultRule { Route = "GET *", StatusCode = 503 });

        var during = await Run("-o", "jsonl", "watch", "--cloudspace", CloudSpaceName, "--count", "1");
        Emulator.Faults.Clear();
        var after = await Run("-o", "jsonl", "watch", "--cloudspace", CloudSpaceName, "--count", "1");
        var history = await Expect(Run("events", "list"));

        Assert.Multiple(() =>
        {
            Assert.That(during.ExitCode, Is.Zero, during.ToString());
            Assert.That(Lines(during).Single()["type"]!.ToString(), Is.EqualTo("watch-error"));
            Assert.That(Lines(during).Single()["data"]!["status"]!.ToObject<int>(), Is.EqualTo(503));
            Assert.That(after.Out, Is.Empty, "nothing changed while the API was down");
            Assert.That(history.Json.Select(e => e["type"]!.ToString()), Has.None.EqualTo("server-removed").And.None.EqualTo("pool-removed").And.None.EqualTo("cloudspace-removed"));
        });
    }

    [Test]
    public async Task Exec_runs_once_per_event_with_the_event_on_stdin()
    {
        var hookFile = Path.Combine(Home, "hook.jsonl");

        var run = await Expect(Run("-o", "jsonl", "watch", "--cloudspace", CloudSpaceName, "--count", "1", "--exec", $"cat >> '{hookFile}'; echo \"hook saw $RSSPOT_EVENT_TYPE\" >&2"));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllLines(hookFile), Is.EqualTo(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            Assert.That(run.Error, Does.Contain("hook saw cloudspace-seen").And.Contain("hook saw pool-seen"), "the hook's output goes to stderr");
        });
    }

    [Test]
    public async Task A_failing_hook_is_a_warning_and_the_watch_goes_on()
    {
        var run = await Expect(Run("-o", "jsonl", "watch", "--cloudspace", CloudSpaceName, "--count", "1", "--exec", "exit 3"));

        Assert.That(Lines(run), Has.Count.EqualTo(2));
        Assert.That(run.Error, Does.Contain("warning: --exec 'exit 3' exited 3 on event"));
    }

    [Test]
    public async Task SIGTERM_stops_the_watch_cleanly_with_143_and_keeps_what_it_recorded()
    {
        using var interruption = new Interruption();
        using var error = new CueWriter("hook ran", () => interruption.Request(PosixSignal.SIGTERM));

        var run = await Run(["-o", "jsonl", "watch", "--cloudspace", CloudSpaceName, "--interval", "1h", "--exec", "echo 'hook ran' >&2"], null, interruption, error);
        var recorded = await Expect(Run("events", "list"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Terminated), run.ToString());
            Assert.That(run.Error, Does.Contain("stopped: terminated (SIGTERM)"));
            Assert.That(recorded.Json.Select(e => e["type"]!.ToString()), Does.Contain("cloudspace-seen").And.Contain("pool-seen"));
        });
    }

    [TestCase("--interval", "0s", "invalid --interval '0s'")]
    [TestCase("--risk-margin", "150%", "invalid --risk-margin '150%'")]
    [TestCase("--count", "0", "invalid --count 0")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        var run = await Run("watch", option, value);

        AssertOneLineError(run, ExitCodes.Usage, message);
    }

    [Test]
    public async Task Watching_a_cloudspace_that_does_not_exist_exits_4()
    {
        var run = await Run("watch", "--cloudspace", "nowhere", "--count", "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.NotFound), run.ToString());
        Assert.That(run.Error, Does.Contain("error: no cloudspace or VM cloudspace named 'nowhere'"));
        Assert.That(run.Out, Is.Empty);
    }
}
