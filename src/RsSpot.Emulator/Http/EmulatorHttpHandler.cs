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

    private static async Task<EmulatorRequest> ToEmulatorRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        byte[] body = [];
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        return new EmulatorRequest(request.Method.Method, uri.AbsolutePath, uri.Query, headers, body);
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
            Content = new ByteArrayContent([.. response.Body]),
        };
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
