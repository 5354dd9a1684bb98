using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Newtonsoft.Json.Linq;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests.Observability;

/// <summary>
/// <c>rsspot webhook serve</c> over loopback: good notices recorded, printed and handed to --exec; malformed,
/// oversized, wrong-method and wrong-path requests refused with the reason; SIGTERM stops it with 143.
/// </summary>
public class WebhookServeTests : CliTestBase
{
    private const string HookPath = "/hooks/spot";

    [Test]
    public async Task Good_notices_are_recorded_printed_and_run_through_exec_and_bad_ones_get_a_4xx_with_the_reason()
    {
        var hookFile = Path.Combine(Home, "drained.jsonl");
        await using var serving = await ServeAsync("--max-body", "512", "--exec", $"cat >> '{hookFile}'; echo \"drained $RSSPOT_EVENT_SERVER\" >&2");
        using var http = new HttpClient();

        var good = await http.PostAsync(serving.Url, Json("""{"cloudspace": "prod", "serverName": "srv-1", "nodePool": "p1"}"""));
        var several = await http.PostAsync(serving.Url, Json("""{"cloudspace": "prod", "servers": ["srv-2", "srv-3"]}"""));
        var malformed = await http.PostAsync(serving.Url, Json("""{"cloudspace": """));
        var noServer = await http.PostAsync(serving.Url, Json("""{"status": "soon"}"""));
        var oversized = await http.PostAsync(serving.Url, Json($$"""{"cloudspace": "prod", "pad": "{{new string('x', 600)}}"}"""));
        var wrongMethod = await http.GetAsync(serving.Url);
        var wrongPath = await http.PostAsync(new Uri(serving.Url, "/elsewhere"), Json("""{"server": "x"}"""));
        var notJson = await http.PostAsync(serving.Url, new StringContent("server=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await serving.Error.WaitForAsync(l => l == "drained srv-3");
        var run = await serving.StopAsync();
        var listed = await Run("events", "list", "--type", "preemption-notice");

        Assert.Multiple(async () =>
        {
            Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((JObject.Parse(await several.Content.ReadAsStringAsync())["recorded"] as JArray)!, Has.Count.EqualTo(2));
            Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Reason(malformed), Does.StartWith("the body is not valid JSON: Unexpected end"));
            Assert.That((noServer.StatusCode, await Reason(noServer)), Is.EqualTo((HttpStatusCode.BadRequest, "the notice names no server, node or cloudspace")));
            Assert.That((oversized.StatusCode, await Reason(oversized)), Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, "the body is larger than 512 bytes")));
            Assert.That(wrongMethod.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(wrongMethod.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
            Assert.That(wrongPath.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(notJson.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));

            var printed = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(printed.Select(l => JObject.Parse(l)["server"]!.ToString()), Is.EqualTo(new[] { "srv-1", "srv-2", "srv-3" }));
            Assert.That(File.ReadAllLines(hookFile), Is.EqualTo(printed), "the hook got each event as JSON on stdin");
            Assert.That(listed.Json.Select(e => (e["type"]!.ToString(), e["source"]!.ToString(), e["cloud_space"]!.ToString())), Is.All.EqualTo(("preemption-notice", "webhook", "prod")));
            Assert.That(listed.Json.Count(), Is.EqualTo(3), "only the good notices were recorded");
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Terminated), run.ToString());
            Assert.That(run.Error, Does.Contain("stopped: terminated (SIGTERM)"));
        });
    }

    [Test]
    public async Task An_announced_body_over_the_limit_is_refused_before_it_is_read()
    {
        await using var serving = await ServeAsync("--max-body", "100");
        using var http = new HttpClient();
        using var content = new ByteArrayContent(new byte[5000]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var refused = await http.PostAsync(serving.Url, content);

        Assert.That((refused.StatusCode, await Reason(refused)), Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, "the body is larger than 100 bytes")));
    }

    [TestCase("--port", "70000", "invalid --port 70000")]
    [TestCase("--address", "localhost:1", "invalid --address 'localhost:1'")]
    [TestCase("--path", "hooks", "invalid --path 'hooks'")]
    [TestCase("--max-body", "0", "invalid --max-body 0")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message) =>
        AssertOneLineError(await Run("webhook", "serve", option, value), ExitCodes.Usage, message);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> Reason(HttpResponseMessage response) => JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!.ToString();

    private async Task<Serving> ServeAsync(params string[] options)
    {
        var interruption = new Interruption();
        var error = new LineWaiter();
        var running = Run(["-o", "jsonl", "webhook", "serve", "--port", "0", "--path", HookPath, .. options], null, interruption, error);
        var listening = await error.WaitForAsync(l => l.StartsWith("listening on ", StringComparison.Ordinal));
        return new Serving(new Uri(listening["listening on ".Length..].Split(',')[0]), error, interruption, running);
    }

    /// <summary>A receiver running in the background, stopped with SIGTERM.</summary>
    private sealed class Serving(Uri url, LineWaiter error, Interruption interruption, Task<CliRun> running) : IAsyncDisposable
    {
        public Uri Url { get; } = url;

        public LineWaiter Error { get; } = error;

        public async Task<CliRun> StopAsync()
        {
            interruption.Request(PosixSignal.SIGTERM);
            return await running.WaitAsync(TimeSpan.FromSeconds(60));
        }

        public async ValueTask DisposeAsync()
        {
            if (!running.IsCompleted)
            {
                await StopAsync();
            }

            interruption.Dispose();
            Error.Dispose();
        }
    }
}
