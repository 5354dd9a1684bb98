using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using RsSpot.Auth;
using RsSpot.Internal;

namespace RsSpot.Http;

/// <summary>
/// Adds the bearer id_token and, when the API answers 401, refreshes the token once and resends the request.
/// Sits inside the retry handler so every attempt carries a valid token.
/// </summary>
internal sealed class AuthenticationHandler(TokenProvider tokens, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = await HttpRequestCloner.BufferContentAsync(request, cancellationToken).ConfigureAwait(false);
        var token = await tokens.GetTokenAsync(rejected: null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        logger.LogInformation("The API rejected the id_token (HTTP 401); refreshing it once");
        var refreshed = await tokens.GetTokenAsync(rejected: token, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        var retry = HttpRequestCloner.Clone(request, content);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed);
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }
}
