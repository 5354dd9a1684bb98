using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RsSpot.Emulator.FaultInjection;
using RsSpot.Emulator.Http;

namespace RsSpot.Emulator.Server;

/// <summary>One HTTP exchange through the emulator: the request read within the body limit, the reply written as the
/// emulator shaped it (dropped, stalled, reset), and a refused body discarded so the client still reads its 413.</summary>
internal static class KestrelExchange
{
    /// <summary>How much of a refused body is read and discarded before the connection is closed on the sender.</summary>
    public const long MaxDiscardedBytes = 256L * 1024 * 1024;

    /// <summary>Serves one request; <paramref name="stopping"/> releases hung and stalled requests when the server stops.</summary>
    public static async Task ServeAsync(SpotEmulator emulator, HttpContext context, CancellationToken stopping)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            var request = await ReadRequestAsync(emulator, context, aborted.Token).ConfigureAwait(false);
            var response = await emulator.HandleAsync(request, aborted.Token).ConfigureAwait(false);
            await WriteResponseAsync(context, request, response, aborted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (on a hang or a stall) or the server is stopping: nothing more can be said.
            context.Abort();
        }
    }

    private static Task<EmulatorRequest> ReadRequestAsync(SpotEmulator emulator, HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var body = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false ? null : request.Body;
        return RequestReader.ReadAsync(request.Method, request.PathBase + request.Path.ToUriComponent(), request.QueryString.Value,
            headers, body, request.ContentLength, emulator.Options.MaxRequestBodyBytes, cancellationToken);
    }

    private static async Task WriteResponseAsync(HttpContext context, EmulatorRequest request, EmulatorResponse response, CancellationToken cancellationToken)
    {
        if (response.DropConnection)
        {
            context.Abort();
            return;
        }

        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (request.BodyTooLarge)
        {
            // The unread rest of the body would otherwise have to be drained before the connection could be reused.
            http.Headers.Connection = "close";
        }

        http.ContentType = response.ContentType;
        if (!CanHaveBody(response.StatusCode))
        {
            // Kestrel fails any write to a 204 or 304, even an empty one, and then aborts the connection the client
            // has just been answered on: its next request on that connection would find it closed.
            return;
        }

        http.ContentLength = response.BodyBytes.Length;
        if (response.Disruption is { } disruption)
        {
            await WriteDisruptedAsync(context, response.BodyBytes, disruption, cancellationToken).ConfigureAwait(false);
            return;
        }

        await http.Body.WriteAsync(response.BodyBytes, cancellationToken).ConfigureAwait(false);
        if (request.BodyTooLarge)
        {
            await http.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            await DiscardBodyAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>RFC 9110: informational answers, 204 No Content and 304 Not Modified never carry a body.</summary>
    private static bool CanHaveBody(int statusCode) => statusCode >= 200 && statusCode is not 204 and not 304;

    /// <summary>Status and headers go out first (really flushed), then the head, the stall, and the tail or a reset.</summary>
    private static async Task WriteDisruptedAsync(HttpContext context, byte[] body, BodyDisruption disruption, CancellationToken cancellationToken)
    {
        await context.Response.StartAsync(cancellationToken).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(disruption.Head(body), cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        await disruption.StallAsync(cancellationToken).ConfigureAwait(false);
        if (disruption.Reset)
        {
            // Ending short of the Content-Length makes Kestrel close the connection once what was written has gone
            // out; Abort() would instead discard the flushed head still queued in the transport.
            return;
        }

        await context.Response.Body.WriteAsync(disruption.Tail(body), cancellationToken).ConfigureAwait(false);
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
}
