namespace RsSpot.Emulator;

/// <summary>One request the emulator received, with secrets redacted, and the status it answered.</summary>
/// <param name="At">When it arrived (emulator clock).</param>
/// <param name="Method">Upper-case method.</param>
/// <param name="PathAndQuery">Path plus query string.</param>
/// <param name="Headers">Request headers; Authorization, Cookie and token values are redacted.</param>
/// <param name="Body">Body text; refresh_token, id_token and access_token values are redacted.</param>
/// <param name="StatusCode">Status answered, or 0 when the connection was dropped.</param>
public sealed record JournalEntry(
    DateTimeOffset At, string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, int StatusCode);
