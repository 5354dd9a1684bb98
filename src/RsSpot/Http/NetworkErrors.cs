using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;

namespace RsSpot.Http;

/// <summary>
/// Turns what the transport throws into <see cref="SpotNetworkException"/>s worded the way kubectl and curl word
/// them: the host first, then what happened, never the transport's stack of wrapper messages.
/// </summary>
internal static class NetworkErrors
{
    /// <summary>The error for an attempt that ended with <paramref name="exception"/>; null when it is not a network failure.</summary>
    public static SpotNetworkException? From(Exception exception, HttpRequestMessage request) => exception switch
    {
        SpotNetworkException already => already,
        HttpRequestException http => FromHttp(http, Host(request)),
        IOException io => new SpotNetworkException(ResetText(io, Host(request)), Host(request), SpotNetworkFailure.ConnectionReset, outcomeUnknown: true, io),
        _ => null,
    };

    /// <summary>The per-attempt timeout expired before the whole response (headers and body) arrived.</summary>
    public static SpotNetworkException AttemptTimeout(HttpRequestMessage request, TimeSpan timeout, Exception inner) =>
        new($"no complete response from {Host(request)} within {Seconds(timeout)} s", Host(request), SpotNetworkFailure.Timeout, outcomeUnknown: true, inner);

    /// <summary>The overall deadline of one logical call expired.</summary>
    public static SpotNetworkException Deadline(HttpRequestMessage request, TimeSpan deadline, int attempts, Exception inner) =>
        new($"no complete response from {Host(request)} within the overall timeout of {Seconds(deadline)} s ({Attempts(attempts)})",
            Host(request), SpotNetworkFailure.Timeout, outcomeUnknown: true, inner)
        { RetriesExhausted = true };

    /// <summary>The last attempt's error as the final one, saying how many attempts were made.</summary>
    public static SpotNetworkException AfterAttempts(SpotNetworkException last, int attempts) => last.RetriesExhausted
        ? last
        : new SpotNetworkException(attempts <= 1 ? last.Message : $"{last.Message} ({Attempts(attempts)})", last.Host, last.Failure, last.OutcomeUnknown, last.InnerException)
        {
            RetriesExhausted = true,
        };

    /// <summary>Host and port as a user would type them (the port only when it is not the scheme's default).</summary>
    public static string Host(HttpRequestMessage request) => request.RequestUri is { IsAbsoluteUri: true } uri ? uri.Authority : "the server";

    private static SpotNetworkException FromHttp(HttpRequestException e, string host)
    {
        // Before a connection exists nothing was sent, so even a create may be sent again.
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new($"cannot resolve host '{HostName(host)}'", host, SpotNetworkFailure.NameResolution, outcomeUnknown: false, e),
            HttpRequestError.ConnectionError => new($"cannot connect to {host}: {SocketReason(e) ?? "connection failed"}", host, SpotNetworkFailure.Connect, outcomeUnknown: false, e),
            HttpRequestError.SecureConnectionError => new($"TLS handshake with {host} failed{TlsReason(e)}", host, SpotNetworkFailure.SecureConnection, outcomeUnknown: false, e),
            HttpRequestError.InvalidResponse or HttpRequestError.ExtendedConnectNotSupported or HttpRequestError.VersionNegotiationError or HttpRequestError.HttpProtocolError =>
                new($"{host} sent a reply that is not valid HTTP", host, SpotNetworkFailure.InvalidResponse, outcomeUnknown: true, e),
            _ => new(ResetText(e, host), host, SpotNetworkFailure.ConnectionReset, outcomeUnknown: true, e),
        };
    }

    private static string ResetText(Exception e, string host) =>
        Find<SocketException>(e)?.SocketErrorCode == SocketError.ConnectionReset
            ? $"connection reset by {host}"
            : $"connection closed by {host} before the response was complete";

    private static string? SocketReason(Exception e) => Find<SocketException>(e)?.SocketErrorCode switch
    {
        null => null,
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        var code => code.ToString(),
    };

    private static string TlsReason(Exception e) => Find<AuthenticationException>(e) is { } tls ? $": {tls.Message.TrimEnd('.')}" : "";

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string HostName(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > 0 && !host.EndsWith(']') ? host[..colon] : host;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";
}
