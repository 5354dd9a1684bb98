namespace RsSpot.Internal;

/// <summary>
/// An HttpRequestMessage can be sent only once; retries and the 401 refresh send a copy. Content is buffered
/// into memory (Spot request bodies are small JSON or form documents) so each copy carries the same bytes.
/// </summary>
internal static class HttpRequestCloner
{
    public static async Task<byte[]?> BufferContentAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

    public static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? content)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (content is not null)
        {
            clone.Content = new ByteArrayContent(content);
            foreach (var header in request.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        }

        return clone;
    }
}
