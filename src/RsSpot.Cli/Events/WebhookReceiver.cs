using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.Observability.Webhooks;
using RsSpot.State;

namespace RsSpot.Cli.Events;

/// <summary>
/// The pre-emption webhook receiver of <c>rsspot webhook serve</c>: a Kestrel host (created only when that command
/// runs) accepting POSTs on one path. A body is read up to its limit (413 beyond), read as a notice (400 with the
/// reason when it is none), recorded in the event history and answered 202; other methods get 405, other paths 404.
/// Recorded events are handed to <see cref="Accepted"/> in order, for printing and hooks off the request path.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<SpotEvent> _accepted = Channel.CreateUnbounded<SpotEvent>(new UnboundedChannelOptions { SingleReader = true });

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Where notices are accepted, e.g. <c>http://127.0.0.1:8080/hooks/spot</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The events recorded, in the order their notices arrived.</summary>
    public ChannelReader<SpotEvent> Accepted => _accepted.Reader;

    public static async Task<WebhookReceiver> StartAsync(WebhookSettings settings, IEventStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(settings.Address, settings.Port);
            kestrel.AddServerHeader = false;
            // The limit is enforced while reading, so the sender gets a 413 that says why instead of a cut connection.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(http => receiver.ServeAsync(http, settings, store, clock));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        receiver.Address = new UriBuilder(bound) { Path = settings.Path }.Uri;
        return receiver;
    }

    /// <summary>Stops accepting (requests in flight finish) and ends <see cref="Accepted"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _accepted.Writer.TryComplete();
    }

    private async Task ServeAsync(HttpContext http, WebhookSettings settings, IEventStore store, TimeProvider clock)
    {
        var request = http.Request;
        if (!string.Equals(request.Path.Value, settings.Path, StringComparison.Ordinal))
        {
            await ReplyAsync(http, 404, $"no webhook at {request.Path.Value}; notices are accepted at {settings.Path}").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "POST";
            await ReplyAsync(http, 405, $"{request.Method} is not accepted: send the notice with POST").ConfigureAwait(false);
            return;
        }

        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            await ReplyAsync(http, 415, $"content type '{type}' is not accepted: send application/json").ConfigureAwait(false);
            return;
        }

        var body = await ReadBoundedAsync(request, settings.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            // The rest of an oversized body is not read: the connection closes after the reply.
            http.Response.Headers.Connection = "close";
            await ReplyAsync(http, 413, $"the body is larger than {settings.MaxBodyBytes} bytes").ConfigureAwait(false);
            return;
        }

        var (events, problem) = PreemptionNotice.Read(body, clock.GetUtcNow(), settings.Profile);
        if (problem is not null)
        {
            await ReplyAsync(http, 400, problem).ConfigureAwait(false);
            return;
        }

        var recorded = store.Append(events);
        foreach (var spotEvent in recorded)
        {
            _accepted.Writer.TryWrite(spotEvent);
        }

        await WriteJsonAsync(http, 202, new JObject { ["recorded"] = new JArray(recorded.Select(e => e.Id)) }).ConfigureAwait(false);
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> (announced or read).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task ReplyAsync(HttpContext http, int status, string reason) => WriteJsonAsync(http, status, new JObject { ["error"] = reason });

    private static async Task WriteJsonAsync(HttpContext http, int status, JObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToString(Newtonsoft.Json.Formatting.None), http.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>Where and how the receiver listens.</summary>
internal sealed record WebhookSettings(IPAddress Address, int Port, string Path, int MaxBodyBytes, string? Profile);
