using System.Text;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Faults;

/// <summary>Injected status codes, 429 + Retry-After, latency, dropped connections, token expiry; the admin surface.</summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class FaultInjectionTests(Transport transport) : TransportFixture(transport)
{
    [Test]
    public async Task A_status_fault_answers_the_next_n_matching_calls_then_stops()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = "GET /apis/ngpc.rxt.io/v1/namespaces/*/cloudspaces", StatusCode = 503, Count = 2 });

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { 503, 503, 200 }));
        Assert.That((await Client.GetAsync("apis/ngpc.rxt.io/v1/regions")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_rate_limit_fault_sends_429_with_retry_after()
    {
        Host.Emulator.Faults.Add(new FaultRule { StatusCode = 429, RetryAfterSeconds = 7, Count = 1 });

        var result = await Client.GetAsync(SpotTestClient.Cloudspaces);

        Assert.That(result.Status, Is.EqualTo(429));
        Assert.That(result.Headers["Retry-After"], Is.EqualTo("7"));
        Assert.That(result.Json.Value<string>("reason"), Is.EqualTo("TooManyRequests"));
        Assert.That(result.Json["details"]!.Value<int>("retryAfterSeconds"), Is.EqualTo(7));
    }

    [Test]
    public async Task A_method_specific_fault_leaves_other_methods_alone()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = "POST /apis/*/cloudspaces", StatusCode = 500 });

        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(200));
        Assert.That((await Client.CreateCloudspaceAsync("demo")).Status, Is.EqualTo(500));
    }

    [Test]
    public void A_dropped_connection_surfaces_as_an_http_request_exception()
    {
        Host.Emulator.Faults.Add(new FaultRule { DropConnection = true, Count = 1 });

        Assert.ThrowsAsync<HttpRequestException>(() => Client.GetAsync(SpotTestClient.Cloudspaces));
        Assert.That(Host.Emulator.Journal[^1].StatusCode, Is.Zero);
    }

    [Test]
    public async Task A_token_expiry_fault_makes_the_call_401_until_the_client_logs_in_again()
    {
        Host.Emulator.Faults.Add(new FaultRule { ExpireTokens = true, Count = 1 });

        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(401));
        await Client.LoginAsync();
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Faults_can_be_set_listed_and_cleared_through_the_admin_endpoint()
    {
        using var set = await Client.Http.PostAsync("_emulator/faults",
            new StringContent("""{"route":"*","status":502,"count":1}""", Encoding.UTF8, "application/json"));
        Assert.That((int)set.StatusCode, Is.EqualTo(201));
        Assert.That(JArray.Parse(await Client.Http.GetStringAsync("_emulator/faults")), Has.Count.EqualTo(1));

        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(502));
        Host.Emulator.Faults.Add(new FaultRule { StatusCode = 500 });
        using var cleared = await Client.Http.DeleteAsync("_emulator/faults");
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_journal_records_requests_with_every_secret_redacted()
    {
        var idToken = Client.IdToken!;
        await Client.SendAsync(HttpMethod.Post, "apis/auth.ngpc.rxt.io/v1/generate-kubeconfig",
            new { organization_name = "acme-corp", cloudspace_name = "demo", refresh_token = SpotEmulator.SandboxRefreshToken });
        await Client.CreateCloudspaceAsync("demo");

        var journal = Host.Emulator.Journal;
        var journalJson = await Client.Http.GetStringAsync("_emulator/journal");

        Assert.Multiple(() =>
        {
            Assert.That(journal.Select(e => e.Method + " " + e.PathAndQuery), Is.EqualTo(new[]
            {
                "POST /oauth/token", "POST /apis/auth.ngpc.rxt.io/v1/generate-kubeconfig", "POST /" + SpotTestClient.Cloudspaces,
            }));
            Assert.That(journal[0].Body, Does.Contain("refresh_token=[REDACTED]").And.Contain("grant_type=refresh_token"));
            Assert.That(journal[1].Body, Does.Contain("\"refresh_token\":\"[REDACTED]\""));
            Assert.That(journal[2].Headers["Authorization"], Is.EqualTo("Bearer [REDACTED]"));
            Assert.That(journal[2].Body, Does.Contain("\"name\":\"demo\""));
            Assert.That(journal[2].StatusCode, Is.EqualTo(201));
            Assert.That(journalJson, Does.Not.Contain(SpotEmulator.SandboxRefreshToken).And.Not.Contain(idToken));
        });
    }

    [Test]
    public async Task Reset_restores_the_seed_and_expire_tokens_invalidates_issued_tokens_through_the_admin_surface()
    {
        await Client.CreateCloudspaceAsync("demo");
        using var reset = await Client.Http.PostAsync("_emulator/reset", null);
        Assert.That((int)reset.StatusCode, Is.EqualTo(204));
        Assert.That(Host.Emulator.Journal, Is.Empty);

        await Client.LoginAsync();
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Json["items"], Is.Empty);
        using var expire = await Client.Http.PostAsync("_emulator/expire-tokens", null);
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(401));
    }
}

/// <summary>Latency is measured on the emulator's clock, so a fake clock controls it without sleeping.</summary>
public sealed class FaultLatencyTests
{
    [Test]
    public async Task A_latency_fault_holds_the_answer_until_the_clock_has_moved_on()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var emulator = new SpotEmulator(new SpotEmulatorOptions { Clock = clock });
        emulator.Faults.Add(new FaultRule { Route = "/percentiles.json", Latency = TimeSpan.FromSeconds(2), Count = 1 });

        var pending = emulator.HandleAsync(new EmulatorRequest("GET", "/percentiles.json"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(pending.IsCompleted, Is.False);

        clock.Advance(TimeSpan.FromSeconds(1));
        var response = await pending;
        Assert.That(response.StatusCode, Is.EqualTo(200));
    }
}
