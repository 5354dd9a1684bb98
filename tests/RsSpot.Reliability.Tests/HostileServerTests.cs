using System.Text;
using RsSpot.Emulator;
using RsSpot.Reliability.Tests.Support;

namespace RsSpot.Reliability.Tests;

/// <summary>
/// A server that stalls, hangs, resets or answers something that is not the Spot API: the real CLI ends in bounded
/// time with one clear line naming the host and what happened (exit 1, never "authentication failed").
/// </summary>
[NonParallelizable]
public class HostileServerTests
{
    private const string Regions = "GET /apis/ngpc.rxt.io/v1/regions";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);
    private Lab _lab = null!;

    private string Host => $"127.0.0.1:{_lab.Server.BaseAddress.Port}";

    [SetUp]
    public async Task StartLab() => _lab = await Lab.StartAsync();

    [TearDown]
    public async Task StopLab() => await _lab.DisposeAsync();

    [Test]
    public async Task A_body_that_stalls_after_the_headers_times_out_per_attempt()
    {
        _lab.Emulator.Faults.Add(new FaultRule { Route = Regions, StallBody = Timeout.InfiniteTimeSpan, PartialBodyBytes = 10 });

        var run = await _lab.RunAsync("--timeout", "8", "regions", "list");

        run.AssertOneLineError(1, $"no complete response from {Host}");
        Assert.That(run.Elapsed, Is.LessThan(Bound));
    }

    [Test]
    public async Task A_server_that_never_answers_hits_the_overall_deadline()
    {
        _lab.Emulator.Faults.Add(new FaultRule { Route = Regions, Hang = true });

        var run = await _lab.RunAsync("--timeout", "3", "regions", "list");

        run.AssertOneLineError(1, $"no complete response from {Host} within the overall timeout of 3 s");
        Assert.That(run.Elapsed, Is.LessThan(Bound));
    }

    [Test]
    public async Task A_reset_mid_body_is_retried_a_bounded_number_of_times_then_named()
    {
        _lab.Emulator.Faults.Add(new FaultRule { Route = Regions, ResetConnection = true, PartialBodyBytes = 5 });

        var run = await _lab.RunAsync("regions", "list");

        run.AssertOneLineError(1, Host);
        Assert.Multiple(() =>
        {
            Assert.That(run.ErrorLines[0], Does.Match("connection (reset|closed) by").And.Contain("(4 attempts)"));
            Assert.That(_lab.Emulator.Journal.Count(e => e.PathAndQuery.StartsWith("/apis/ngpc.rxt.io/v1/regions", StringComparison.Ordinal)), Is.EqualTo(4), "max_attempts on the wire, not attempts × attempts");
        });
    }

    [Test]
    public async Task A_dropped_connection_is_retried_a_bounded_number_of_times()
    {
        _lab.Emulator.Faults.Add(new FaultRule { Route = Regions, DropConnection = true });

        var run = await _lab.RunAsync("regions", "list");

        run.AssertOneLineError(1, Host);
        Assert.That(_lab.Emulator.Journal.Count(e => e.PathAndQuery.StartsWith("/apis/ngpc.rxt.io/v1/regions", StringComparison.Ordinal)), Is.EqualTo(4));
    }

    [TestCase("POST /oauth/token", TestName = "An HTML gateway page on the token endpoint is an unexpected reply, not an authentication failure")]
    [TestCase(Regions, TestName = "An HTML gateway page on the API is an unexpected reply")]
    public async Task Html(string route)
    {
        var page = "<html><head><title>502 Bad Gateway</title></head><body>\u001b[31mnginx\u0007</body></html>";
        _lab.Emulator.Faults.Add(new FaultRule { Route = route, ReplyBody = Encoding.UTF8.GetBytes(page), ReplyContentType = "text/html" });

        var run = await _lab.RunAsync("regions", "list");

        run.AssertOneLineError(1, $"unexpected reply from {Host} (HTTP 200, text/html): 502 Bad Gateway");
    }

    [Test]
    public async Task Binary_garbage_is_summarised_without_echoing_its_bytes()
    {
        var garbage = Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 256)).ToArray();
        _lab.Emulator.Faults.Add(new FaultRule { Route = Regions, ReplyBody = garbage, ReplyContentType = "application/json" });

        var run = await _lab.RunAsync("regions", "list");

        run.AssertOneLineError(1, $"unexpected reply from {Host} (HTTP 200, application/json): 512 bytes of binary data");
    }

    [Test]
    public async Task A_gateway_error_page_is_retried_and_then_reported_with_its_status()
    {
        _lab.Emulator.Faults.Add(new FaultRule { Route = Regions, StatusCode = 502, ReplyBody = "<html><title>Bad Gateway</title></html>"u8.ToArray(), ReplyContentType = "text/html" });

        var run = await _lab.RunAsync("regions", "list");

        run.AssertOneLineError(1, $"unexpected reply from {Host} (HTTP 502, text/html): Bad Gateway");
    }
}
