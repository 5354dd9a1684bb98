namespace RsSpot.Emulator;

/// <summary>
/// A fault to inject into matching requests. What it does to a request, in order: wait <see cref="Latency"/>,
/// expire tokens (<see cref="ExpireTokens"/>), process the request when the fault lets it through
/// (<see cref="ApplyThenFail"/>, or a fault that only disrupts the reply), then answer with the fault's reply
/// (<see cref="StatusCode"/>, <see cref="ReplyBody"/>), drop the connection (<see cref="DropConnection"/>) or hold it
/// (<see cref="Hang"/>), and deliver the body with a stall (<see cref="StallBody"/>) or a reset
/// (<see cref="ResetConnection"/>). <see cref="Probability"/> makes a rule fire on a seeded share of its requests.
/// </summary>
public sealed class FaultRule
{
    /// <summary>
    /// Which requests it hits: <c>*</c> for all, else a path pattern optionally preceded by a method
    /// (<c>GET /apis/ngpc.rxt.io/v1/namespaces/*/cloudspaces</c>); <c>*</c> in a pattern matches any characters.
    /// </summary>
    public string Route { get; init; } = "*";

    /// <summary>A label for the journal and the admin listing (e.g. <c>503-after-apply</c>); optional.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Status code to answer with instead of the real reply (a Kubernetes Status body, or <see cref="ReplyBody"/>);
    /// null keeps the real reply.
    /// </summary>
    public int? StatusCode { get; init; }

    /// <summary>How many requests it affects (times it fires); null means until the faults are cleared.</summary>
    public int? Count { get; init; }

    /// <summary>
    /// The chance (0 to 1) that it fires on a matching request; null means always. One number is drawn from
    /// <see cref="EmulatorFaults"/>' seeded generator per request, and the probabilistic rules matching it share the
    /// unit interval in order, so 0.2 and 0.05 on two rules mean 20 % and 5 % of requests, never both.
    /// </summary>
    public double? Probability { get; init; }

    /// <summary>Value of the Retry-After header (seconds) sent with the fault's reply.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Delay before anything else, measured on the emulator's clock.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Expire every issued id_token before processing (the request then fails with 401).</summary>
    public bool ExpireTokens { get; init; }

    /// <summary>
    /// Process the request first (its side effects happen, e.g. the cloudspace is created), then discard the real
    /// reply for the fault's: <see cref="StatusCode"/>, <see cref="ReplyBody"/>, a dropped connection or a hang.
    /// "The server applied it but the reply was lost."
    /// </summary>
    public bool ApplyThenFail { get; init; }

    /// <summary>
    /// Raw body to answer with instead of processing (an HTML gateway page, binary garbage), with
    /// <see cref="StatusCode"/> (default 200) and <see cref="ReplyContentType"/>.
    /// </summary>
    public IReadOnlyList<byte>? ReplyBody { get; init; }

    /// <summary>Content type of <see cref="ReplyBody"/>; null sends none.</summary>
    public string? ReplyContentType { get; init; }

    /// <summary>Drop the connection before any response header is sent.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Never answer: hold the request until the client gives up (or the faults are cleared, or the server stops).</summary>
    public bool Hang { get; init; }

    /// <summary>
    /// Send the status, the headers and <see cref="PartialBodyBytes"/> of the body, then stall this long before
    /// finishing; <see cref="Timeout.InfiniteTimeSpan"/> stalls until the client gives up. Measured on the emulator's clock.
    /// </summary>
    public TimeSpan? StallBody { get; init; }

    /// <summary>Send the status, the headers and <see cref="PartialBodyBytes"/> of the body (after any stall), then reset the connection.</summary>
    public bool ResetConnection { get; init; }

    /// <summary>How many body bytes <see cref="StallBody"/> and <see cref="ResetConnection"/> let through first.</summary>
    public int PartialBodyBytes { get; init; }

    /// <summary>True when the rule applies to a request.</summary>
    /// <param name="method">Upper-case method.</param>
    /// <param name="path">Request path.</param>
    public bool Matches(string method, string path) => FaultInjection.RoutePattern.Matches(Route, method, path);

    /// <summary>True when the fault replaces the real reply (so the request is processed only with <see cref="ApplyThenFail"/>).</summary>
    internal bool ReplacesReply => StatusCode is not null || ReplyBody is not null || DropConnection || Hang;

    /// <summary>Why the rule is inconsistent, or null when it can be used.</summary>
    internal string? Problem() =>
        Count is <= 0 ? "A fault's Count must be positive (or null for unlimited)."
        : Probability is < 0 or > 1 or double.NaN ? "A fault's Probability must be between 0 and 1."
        : StatusCode is < 100 or > 599 ? "A fault's StatusCode must be an HTTP status (100-599)."
        : RetryAfterSeconds is < 0 ? "A fault's RetryAfterSeconds cannot be negative."
        : Latency < TimeSpan.Zero ? "A fault's Latency cannot be negative."
        : StallBody is { } stall && stall < TimeSpan.Zero && stall != Timeout.InfiniteTimeSpan ? "A fault's StallBody must be positive or infinite."
        : PartialBodyBytes < 0 ? "A fault's PartialBodyBytes cannot be negative."
        : ApplyThenFail && !ReplacesReply ? "ApplyThenFail needs a reply to fail with: StatusCode, ReplyBody, DropConnection or Hang."
        : null;
}
