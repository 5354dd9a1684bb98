namespace RsSpot.Emulator;

/// <summary>A transport-neutral HTTP request handed to <see cref="SpotEmulator.HandleAsync"/>.</summary>
public sealed class EmulatorRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">HTTP method, e.g. GET.</param>
    /// <param name="path">URL path, percent-encoded as sent, starting with '/'.</param>
    /// <param name="query">Query string without the leading '?', or empty.</param>
    /// <param name="headers">Request and content headers; multiple values joined with ", ".</param>
    /// <param name="body">Raw body bytes (empty when there is none).</param>
    public EmulatorRequest(string method, string path, string? query = null,
        IReadOnlyDictionary<string, string>? headers = null, byte[]? body = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Method = method.ToUpperInvariant();
        Path = path;
        Query = (query ?? string.Empty).TrimStart('?');
        Headers = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        BodyBytes = body ?? [];
    }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }

    /// <summary>URL path as sent (percent-encoded).</summary>
    public string Path { get; }

    /// <summary>Query string without '?'.</summary>
    public string Query { get; }

    /// <summary>Headers, case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Raw body.</summary>
    public IReadOnlyList<byte> Body => BodyBytes;

    /// <summary>The body as an array, for decoding without a copy.</summary>
    internal byte[] BodyBytes { get; }

    /// <summary>True when the transport stopped reading a body over the limit; <see cref="Body"/> is then empty.</summary>
    internal bool BodyTooLarge { get; init; }

    /// <summary>The value of a header, or null.</summary>
    /// <param name="name">Header name.</param>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The media type of the body without parameters (e.g. <c>application/json</c>), or null.</summary>
    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();
}
