namespace RsSpot.Http;

/// <summary>
/// The outermost handler of the authenticated API client in read-only mode: a POST, PUT, PATCH or DELETE fails here,
/// before diagnostics, retries or the token exchange see it. The token exchange and kubeconfig generation use their
/// own clients (they change nothing) and are not affected.
/// </summary>
internal sealed class ReadOnlyHandler(string? source) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ReadOnlyGuard.Changes(request.Method)
            ? throw ReadOnlyGuard.Refusal($"{request.Method} {request.RequestUri?.OriginalString}", source)
            : base.SendAsync(request, cancellationToken);
}
