using System.Text;
using RsSpot.Emulator.FaultInjection;

namespace RsSpot.Emulator;

/// <summary>A transport-neutral HTTP response produced by <see cref="SpotEmulator.HandleAsync"/>.</summary>
public sealed class EmulatorResponse
{
    /// <summary>Creates a response.</summary>
    /// <param name="statusCode">HTTP status code.</param>
    /// <param name="body">Body bytes.</param>
    /// <param name="contentType">Content type of the body, or null when there is no body.</param>
    /// <param name="headers">Extra response headers (e.g. Retry-After).</param>
    public EmulatorResponse(int statusCode, byte[]? body = null, string? contentType = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        StatusCode = statusCode;
        BodyBytes = body ?? [];
        ContentType = contentType;
        Headers = headers ?? new Dictionary<string, string>();
    }

    /// <summary>HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Body bytes.</summary>
    public IReadOnlyList<byte> Body => BodyBytes;

    /// <summary>The body as an array, for the transports to write without a copy.</summary>
    internal byte[] BodyBytes { get; }

    /// <summary>Content type of the body, or null.</summary>
    public string? ContentType { get; }

    /// <summary>Extra headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>True when the transport must drop the connection instead of answering (injected fault).</summary>
    public bool DropConnection { get; private init; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(BodyBytes);

    /// <summary>How an injected fault disrupts the delivery of the body (a stall, a reset), or null.</summary>
    internal BodyDisruption? Disruption { get; private init; }

    internal static EmulatorResponse Dropped() => new(0) { DropConnection = true };

    /// <summary>The same reply, delivered with <paramref name="disruption"/>.</summary>
    internal EmulatorResponse DeliveredWith(BodyDisruption disruption) =>
        new(StatusCode, BodyBytes, ContentType, Headers) { Disruption = disruption };
}
