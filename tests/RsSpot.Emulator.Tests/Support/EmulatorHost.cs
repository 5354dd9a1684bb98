using RsSpot.Emulator.Server;

namespace RsSpot.Emulator.Tests.Support;

/// <summary>How a test reaches the emulator: through its in-process handler or over loopback HTTP.</summary>
public enum Transport
{
    /// <summary><see cref="SpotEmulator.CreateHandler"/>, no socket.</summary>
    InProcess,

    /// <summary><see cref="SpotEmulatorServer"/> on 127.0.0.1 and a free port.</summary>
    Http,
}

/// <summary>An emulator plus a client wired to it through the chosen transport.</summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly SpotEmulatorServer? _server;

    private EmulatorHost(SpotEmulator emulator, SpotEmulatorServer? server, SpotTestClient client)
    {
        Emulator = emulator;
        _server = server;
        Client = client;
    }

    public SpotEmulator Emulator { get; }

    public SpotTestClient Client { get; }

    public static async Task<EmulatorHost> StartAsync(Transport transport, SpotEmulatorOptions? options = null)
    {
        var emulator = new SpotEmulator(options ?? new SpotEmulatorOptions { ProvisioningDelay = TimeSpan.Zero });
        if (transport == Transport.InProcess)
        {
            var http = new HttpClient(emulator.CreateHandler()) { BaseAddress = new Uri("http://spot.emulator.test/") };
            return new EmulatorHost(emulator, null, new SpotTestClient(http));
        }

        var server = await SpotEmulatorServer.StartAsync(emulator);
        return new EmulatorHost(emulator, server, new SpotTestClient(new HttpClient { BaseAddress = server.BaseAddress }));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
