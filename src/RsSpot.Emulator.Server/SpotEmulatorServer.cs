using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RsSpot.Emulator.Server;

/// <summary>
/// A <see cref="SpotEmulator"/> served over HTTP on 127.0.0.1 (Kestrel). Every request is forwarded to
/// <see cref="SpotEmulator.HandleAsync"/>, so it behaves exactly like <see cref="SpotEmulator.CreateHandler"/>, injected
/// faults included (headers really flushed before a stalled body, a real reset, a real hang).
/// </summary>
public sealed class SpotEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SpotEmulatorServer(WebApplication app, SpotEmulator emulator, Uri baseAddress)
    {
        _app = app;
        Emulator = emulator;
        BaseAddress = baseAddress;
    }

    /// <summary>The emulator being served.</summary>
    public SpotEmulator Emulator { get; }

    /// <summary>Root address (e.g. http://127.0.0.1:5123/) for the API, the token endpoint and the price feeds alike.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="emulator"/> on loopback.</summary>
    /// <param name="emulator">The emulator to serve.</param>
    /// <param name="port">TCP port; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<SpotEmulatorServer> StartAsync(SpotEmulator emulator, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            // The emulator enforces its documented limit itself (RequestReader) and answers a Status body; Kestrel's
            // cap would instead fail the read mid-request and answer an empty 413, or cut the connection.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(context => KestrelExchange.ServeAsync(emulator, context, app.Lifetime.ApplicationStopping));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SpotEmulatorServer(app, emulator, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
