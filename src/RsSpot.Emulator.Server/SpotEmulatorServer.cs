using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RsSpot.Emulator.Server;

/// <summary>
/// A <see cref="SpotEmulator"/> served over HTTP on 127.0.0.1 (Kestrel). Every request is forwarded to
/// <see cref="SpotEmulator.HandleAsync"/>, so it behaves exactly like <see cref="SpotEmulator.CreateHandler"/>.
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
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context => ServeAsync(emulator, context));
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

    private static async Task ServeAsync(SpotEmulator emulator, HttpContext context)
    {
        var request = await ToEmulatorRequestAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var response = await emulator.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (response.DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (response.Body.Count > 0)
        {
            await context.Response.Body.WriteAsync(response.Body.ToArray(), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<EmulatorRequest> ToEmulatorRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new EmulatorRequest(request.Method, request.PathBase + request.Path.ToUriComponent(), request.QueryString.Value,
            headers, buffer.ToArray());
    }
}
