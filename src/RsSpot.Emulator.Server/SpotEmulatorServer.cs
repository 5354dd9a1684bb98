using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RsSpot.Emulator.Http;

namespace RsSpot.Emulator.Server;

/// <summary>
/// A <see cref="SpotEmulator"/> served over HTTP on 127.0.0.1 (Kestrel). Every request is forwarded to
/// <see cref="SpotEmulator.HandleAsync"/>, so it behaves exactly like <see cref="SpotEmulator.CreateHandler"/>.
/// </summary>
public sealed class SpotEmulatorServer : IAsyncDisposable
{
    /// <summary>How much of a refused body is read and discarded before the connection is closed on the sender.</summary>
    public const long MaxDiscardedBytes = 256L * 1024 * 1024;

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
        var request = await ToEmulatorRequestAsync(emulator, context).ConfigureAwait(false);
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

        if (request.BodyTooLarge)
        {
            // The unread rest of the body would otherwise have to be drained before the connection could be reused.
            context.Response.Headers.Connection = "close";
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (response.BodyBytes.Length > 0)
        {
            await context.Response.Body.WriteAsync(response.BodyBytes, context.RequestAborted).ConfigureAwait(false);
        }

        if (request.BodyTooLarge)
        {
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await DiscardBodyAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads and forgets the rest of a refused body (up to <see cref="MaxDiscardedBytes"/>) through a small buffer:
    /// an HTTP/1.1 client sends its whole body before it reads the answer, so closing on it would show it a broken
    /// pipe instead of the 413.
    /// </summary>
    private static async Task DiscardBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long discarded = 0;
            int read;
            while (discarded < MaxDiscardedBytes && (read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                discarded += read;
            }
        }
        catch (IOException)
        {
            // The client gave up sending; the 413 is already on its way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task<EmulatorRequest> ToEmulatorRequestAsync(SpotEmulator emulator, HttpContext context)
    {
        var request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var body = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false ? null : request.Body;
        return RequestReader.ReadAsync(request.Method, request.PathBase + request.Path.ToUriComponent(), request.QueryString.Value,
            headers, body, request.ContentLength, emulator.Options.MaxRequestBodyBytes, context.RequestAborted);
    }
}
