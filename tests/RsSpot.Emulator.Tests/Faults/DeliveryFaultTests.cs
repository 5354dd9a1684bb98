using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using RsSpot.Emulator.Server;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Faults;

/// <summary>
/// Faults that disrupt delivery: a body stalled after its headers, a connection reset mid-body, a request that is
/// never answered. Stalls run on the emulator's fake clock, so the tests decide when they end.
/// </summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class DeliveryFaultTests(Transport transport) : TransportFixture(transport)
{
    private const string Regions = "apis/ngpc.rxt.io/v1/regions";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private byte[] _regions = [];

    protected override SpotEmulatorOptions Options => new() { Clock = _clock, ProvisioningDelay = TimeSpan.Zero };

    /// <summary>Logs in and keeps the undisturbed regions body, which the disrupted deliveries must add up to.</summary>
    protected override async Task PrepareAsync()
    {
        await Client.LoginAsync();
        using var undisturbed = await Client.OpenAsync(HttpMethod.Get, Regions, completion: HttpCompletionOption.ResponseContentRead);
        _regions = await undisturbed.Content.ReadAsByteArrayAsync();
    }

    [Test]
    public async Task A_stalled_body_sends_status_headers_and_the_first_bytes_then_waits_for_the_stall_to_end()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = "/" + Regions, StallBody = TimeSpan.FromSeconds(30), PartialBodyBytes = 10, Count = 1 });

        using var response = await Client.OpenAsync(HttpMethod.Get, Regions).WaitAsync(Patience);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), "status and headers arrive before the stall ends");
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(_regions.Length));
        var stream = await response.Content.ReadAsStreamAsync();
        var head = new byte[10];
        await stream.ReadExactlyAsync(head).AsTask().WaitAsync(Patience);
        var tail = ReadToEndAsync(stream);
        await Task.Delay(300);
        Assert.That(tail.IsCompleted, Is.False, "the rest of the body waits for the stall");

        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.That(head.Concat(await tail.WaitAsync(Patience)), Is.EqualTo(_regions));
    }

    [Test]
    public async Task A_body_stalled_until_the_client_gives_up_is_released_when_the_faults_are_cleared()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = "/" + Regions, StallBody = Timeout.InfiniteTimeSpan, Count = 1 });

        using var response = await Client.OpenAsync(HttpMethod.Get, Regions).WaitAsync(Patience);
        var body = ReadToEndAsync(await response.Content.ReadAsStreamAsync());
        await Task.Delay(300);
        Assert.That(body.IsCompleted, Is.False);

        Host.Emulator.Faults.Clear();

        Assert.That(await body.WaitAsync(Patience), Is.EqualTo(_regions));
    }

    [Test]
    public async Task A_reset_mid_body_delivers_the_headers_and_first_bytes_then_fails_the_read([Values(0, 5)] int partial)
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = "/" + Regions, ResetConnection = true, PartialBodyBytes = partial, Count = 1 });

        using var response = await Client.OpenAsync(HttpMethod.Get, Regions).WaitAsync(Patience);
        var stream = await response.Content.ReadAsStreamAsync();
        var head = new byte[partial];
        await stream.ReadExactlyAsync(head).AsTask().WaitAsync(Patience);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(head, Is.EqualTo(_regions[..partial]));
        Assert.CatchAsync<IOException>(() => ReadToEndAsync(stream).WaitAsync(Patience));
        Assert.That(Host.Emulator.Journal[^1].StatusCode, Is.EqualTo(200), "the status went out before the reset");
        Assert.That((await Client.GetAsync(Regions)).Status, Is.EqualTo(200), "the next request gets a fresh connection");
    }

    [Test]
    public void A_reset_mid_body_fails_a_buffering_client_with_an_http_request_exception()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = "/" + Regions, ResetConnection = true, PartialBodyBytes = 5, Count = 1 });

        Assert.ThrowsAsync<HttpRequestException>(() => Client.GetAsync(Regions).WaitAsync(Patience));
    }

    [Test]
    public async Task A_hang_is_never_answered_until_the_client_gives_up()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = "/" + Regions, Hang = true, Count = 1 });
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        Assert.CatchAsync<OperationCanceledException>(() => Client.OpenAsync(HttpMethod.Get, Regions, cancellationToken: giveUp.Token));

        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450)).And.LessThan(Patience));
        var entry = Host.Emulator.Journal[^1];
        Assert.That((entry.StatusCode, entry.Fault?.Hang), Is.EqualTo((0, (bool?)true)));
        Assert.That((await Client.GetAsync(Regions)).Status, Is.EqualTo(200), "the emulator keeps serving");
    }

    [Test]
    public async Task A_hung_request_is_dropped_when_the_faults_are_cleared()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = "/" + Regions, Hang = true });
        var hung = Client.OpenAsync(HttpMethod.Get, Regions);
        await WaitForArrivalAsync(Host.Emulator);
        Assert.That(hung.IsCompleted, Is.False);

        Host.Emulator.Faults.Clear();

        Assert.CatchAsync<HttpRequestException>(() => hung.WaitAsync(Patience));
    }

    /// <summary>Waits until the journal shows a hung request (it is recorded when the hang starts).</summary>
    internal static async Task WaitForArrivalAsync(SpotEmulator emulator)
    {
        var watch = Stopwatch.StartNew();
        while (!emulator.Journal.Any(e => e.Fault?.Hang == true) && watch.Elapsed < Patience)
        {
            await Task.Delay(10);
        }

        Assert.That(emulator.Journal.Any(e => e.Fault?.Hang == true), Is.True, "the hung request never arrived");
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}

/// <summary>A server with requests hanging in it still stops promptly (they are released, not waited for).</summary>
public sealed class HungRequestShutdownTests
{
    [Test]
    public async Task Stopping_the_server_drops_hung_requests_instead_of_waiting_for_them()
    {
        var emulator = new SpotEmulator();
        var server = await SpotEmulatorServer.StartAsync(emulator);
        using var client = new SpotTestClient(new HttpClient { BaseAddress = server.BaseAddress });
        emulator.Faults.Add(new FaultRule { Hang = true });
        var hung = client.OpenAsync(HttpMethod.Get, "percentiles.json");
        await DeliveryFaultTests.WaitForArrivalAsync(emulator);
        var watch = Stopwatch.StartNew();

        await server.DisposeAsync();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "Kestrel's shutdown timeout is 30 s");
        Assert.CatchAsync<HttpRequestException>(() => hung);
    }
}
