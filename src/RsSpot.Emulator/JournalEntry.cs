namespace RsSpot.Emulator;

/// <summary>One request the emulator received, with secrets redacted, the status it answered and the fault it injected.</summary>
/// <param name="At">When it arrived (emulator clock).</param>
/// <param name="Method">Upper-case method.</param>
/// <param name="PathAndQuery">Path plus query string.</param>
/// <param name="Headers">Request headers; Authorization, Cookie and token values are redacted.</param>
/// <param name="Body">Body text; refresh_token, id_token and access_token values are redacted.</param>
/// <param name="StatusCode">Status the client was sent, or 0 when the connection was dropped (or the request hangs).</param>
public sealed record JournalEntry(
    DateTimeOffset At, string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, int StatusCode)
{
    /// <summary>The fault rule that fired on the request, or null.</summary>
    public FaultRule? Fault { get; init; }

    /// <summary>
    /// The status the emulated API produced for the request (its side effects happened), or null when it was not
    /// processed. It differs from <see cref="StatusCode"/> when a fault replaced the reply (ApplyThenFail).
    /// </summary>
    public int? ProcessedStatusCode { get; init; }
}
