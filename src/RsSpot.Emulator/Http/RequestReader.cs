namespace RsSpot.Emulator.Http;

/// <summary>
/// Turns a transport's request into an <see cref="EmulatorRequest"/>, reading the body up to
/// <see cref="SpotEmulatorOptions.MaxRequestBodyBytes"/> and no further. Both transports use it, so an oversized
/// body is refused the same way in-process and over HTTP, and is never held in memory.
/// </summary>
internal static class RequestReader
{
    /// <summary>Under the 85,000-byte large-object threshold, so the chunks of a refused body die young in gen 0.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Reads the request; a body over <paramref name="limit"/> bytes yields a request marked too large.</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path as sent.</param>
    /// <param name="query">Query string, with or without '?'.</param>
    /// <param name="headers">Request and content headers.</param>
    /// <param name="body">The body stream, or null when there is none.</param>
    /// <param name="declaredLength">Content-Length, when the client sent one.</param>
    /// <param name="limit">Largest body accepted, in bytes.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<EmulatorRequest> ReadAsync(string method, string path, string? query,
        IReadOnlyDictionary<string, string> headers, Stream? body, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        // A declared length over the limit is refused before a single byte is read.
        if (declaredLength > limit)
        {
            return new EmulatorRequest(method, path, query, headers) { BodyTooLarge = true };
        }

        var bytes = body is null || declaredLength == 0 ? []
            : declaredLength is { } length ? await ReadDeclaredAsync(body, (int)length, cancellationToken).ConfigureAwait(false)
            : await ReadBoundedAsync(body, limit, cancellationToken).ConfigureAwait(false);
        return bytes is null
            ? new EmulatorRequest(method, path, query, headers) { BodyTooLarge = true }
            : new EmulatorRequest(method, path, query, headers, bytes);
    }

    /// <summary>A body of known length (within the limit): read into one array of that size.</summary>
    private static async Task<byte[]> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var read = await body.ReadAtLeastAsync(bytes, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == length ? bytes : bytes[..read];
    }

    /// <summary>
    /// A body of unknown length (chunked): the whole of it, or null as soon as it proves longer than
    /// <paramref name="limit"/>. It is read in small chunks rather than into a growing buffer, so that neither an
    /// oversized body nor a large one leaves large-object-heap arrays (or pooled ones) behind.
    /// </summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var chunks = new List<byte[]>();
        var length = 0;
        int filled;
        do
        {
            var chunk = new byte[ChunkBytes];
            filled = await body.ReadAtLeastAsync(chunk, ChunkBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            chunks.Add(chunk);
            length += filled;
            if (length > limit)
            {
                return null;
            }
        }
        while (filled == ChunkBytes);

        var bytes = new byte[length];
        for (var i = 0; i < chunks.Count; i++)
        {
            var offset = i * ChunkBytes;
            chunks[i].AsSpan(0, Math.Min(ChunkBytes, length - offset)).CopyTo(bytes.AsSpan(offset));
        }

        return bytes;
    }
}
