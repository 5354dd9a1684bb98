using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Resources;

namespace RsSpot.Cli.Tests.Observability;

/// <summary><c>cloudspaces create|update --webhook URL</c> points a cloudspace's pre-emption notices at a receiver.</summary>
public class CloudSpaceWebhookTests : ResourceCommandTestBase
{
    [Test]
    public async Task Create_and_update_set_the_cloudspace_webhook_and_an_empty_value_clears_it()
    {
        var created = await Sandbox("cloudspaces", "create", "--name", "hooked", "--region", Region, "--webhook", "http://127.0.0.1:8080/hooks/spot");
        var updated = await Sandbox("cloudspaces", "update", "hooked", "--webhook", "https://drain.example.com/spot");
        var cleared = await Sandbox("cloudspaces", "update", "hooked", "--webhook", "");

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.Zero, created.ToString());
            Assert.That(created.Json["webhook"]!.ToString(), Is.EqualTo("http://127.0.0.1:8080/hooks/spot"));
            Assert.That(updated.Json["webhook"]!.ToString(), Is.EqualTo("https://drain.example.com/spot"));
            Assert.That(cleared.Json["webhook"]!.ToString(), Is.Empty);
        });
    }

    [TestCase("create", "--name", "bad", "--region", Region, "--webhook", "ftp://drain.example.com/spot")]
    [TestCase("update", "anything", "--webhook", "not a url")]
    public async Task A_webhook_that_is_no_http_url_is_refused_before_anything_is_sent(params string[] args)
    {
        var run = await Sandbox(["cloudspaces", .. args]);

        AssertOneLineError(run, ExitCodes.Usage, "invalid webhook");
    }
}
