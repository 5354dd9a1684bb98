namespace RsSpot;

/// <summary>What went wrong on the wire when a request got no complete answer.</summary>
public enum SpotNetworkFailure
{
    /// <summary>The host name could not be resolved.</summary>
    NameResolution,

    /// <summary>No connection could be made (refused, unreachable).</summary>
    Connect,

    /// <summary>The TLS handshake failed.</summary>
    SecureConnection,

    /// <summary>The server reset or closed the connection before the response was complete.</summary>
    ConnectionReset,

    /// <summary>No complete response arrived within the per-attempt timeout or the overall deadline.</summary>
    Timeout,

    /// <summary>The server answered something that is not HTTP.</summary>
    InvalidResponse,
}

/// <summary>
/// A request got no complete answer: the connection could not be made, was reset or closed, or no complete
/// response arrived in time. The message names the host and what happened
/// ("connection reset by 127.0.0.1:8080", "no complete response from 127.0.0.1:8080 within 5 s").
/// </summary>
public class SpotNetworkException : SpotException
{
    /// <summary>Creates a network error.</summary>
    /// <param name="message">One-line description naming the host.</param>
    /// <param name="host">Host and port the request went to.</param>
    /// <param name="failure">What went wrong.</param>
    /// <param name="outcomeUnknown">Whether the server may have received and acted on the request.</param>
    /// <param name="innerException">The transport's own exception.</param>
    public SpotNetworkException(string message, string host, SpotNetworkFailure failure, bool outcomeUnknown, Exception? innerException = null)
        : base(message, innerException)
    {
        Host = host;
        Failure = failure;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>Host and port the request went to (e.g. <c>spot.rackspace.com</c>, <c>127.0.0.1:8080</c>).</summary>
    public string Host { get; }

    /// <summary>What went wrong.</summary>
    public SpotNetworkFailure Failure { get; }

    /// <summary>
    /// True when the request may have reached the server before the failure, so its effect is unknown (a create may
    /// have been applied); false when it certainly was not sent (no connection could be made).
    /// </summary>
    public bool OutcomeUnknown { get; }

    /// <summary>
    /// Set once the retry handler that saw this failure has given up on it, so an enclosing pipeline (an API call
    /// whose token exchange failed) does not retry it again: one dropped connection must not become N × M requests.
    /// </summary>
    internal bool RetriesExhausted { get; init; }
}
