using System.Net;

namespace RsSpot.Emulator.Http;

/// <summary>Serves <see cref="HttpClient"/> requests from a <see cref="SpotEmulator"/> without any socket.</summary>
internal sealed class EmulatorHttpHandler(SpotEmulator emulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var emulatorRequest = await ToEmulatorRequestAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await emulator.HandleAsync(emulatorRequest, cancellationToken).ConfigureAwait(false);
        return ToHttpResponse(response, request);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private async Task<EmulatorRequest> ToEmulatorRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Content is null ? request.Headers : request.Headers.Concat(request.Content.Headers))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        var limit = emulator.Options.MaxRequestBodyBytes;
        var length = request.Content?.Headers.ContentLength;
        // A declared oversize is refused without asking the content for its bytes at all.
        var body = request.Content is null || length > limit
            ? null
            : await request.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body)
        {
            return await RequestReader.ReadAsync(request.Method.Method, uri.AbsolutePath, uri.Query, headers, body,
                length, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpResponseMessage ToHttpResponse(EmulatorResponse response, HttpRequestMessage request)
    {
        if (response.DropConnection)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded,
                "The emulator dropped the connection (injected fault).", new IOException("Connection reset by emulator."));
        }

        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
        {
            RequestMessage = request,
            Content = response.Disruption is { } disruption
                ? new StreamContent(new DisruptedBodyStream(response.BodyBytes, disruption))
                : new ByteArrayContent(response.BodyBytes),
        };
        message.Content.Headers.ContentLength = response.BodyBytes.Length;
        if (response.ContentType is not null)
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);
        }

        foreach (var (name, value) in response.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
