namespace RsSpot.Emulator;

/// <summary>
/// A fault to inject into matching requests: a status code, a 429 with Retry-After, latency, a dropped
/// connection and/or the expiry of every issued token.
/// </summary>
public sealed class FaultRule
{
    /// <summary>
    /// Which requests it hits: <c>*</c> for all, else a path pattern optionally preceded by a method
    /// (<c>GET /apis/ngpc.rxt.io/v1/namespaces/*/cloudspaces</c>); <c>*</c> in a pattern matches any characters.
    /// </summary>
    public string Route { get; init; } = "*";

    /// <summary>Status code to answer with instead of processing the request; null processes normally.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How many matching requests it affects; null means until the faults are cleared.</summary>
    public int? Count { get; init; }

    /// <summary>Value of the Retry-After header (seconds) sent with <see cref="StatusCode"/>.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Delay before answering, measured on the emulator's clock.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Drop the connection instead of answering.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Expire every issued id_token before processing (the request then fails with 401).</summary>
    public bool ExpireTokens { get; init; }

    /// <summary>True when the rule applies to a request.</summary>
    /// <param name="method">Upper-case method.</param>
    /// <param name="path">Request path.</param>
    public bool Matches(string method, string path)
    {
        var pattern = Route.Trim();
        if (pattern == "*")
        {
            return true;
        }

        var space = pattern.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            if (!string.Equals(pattern[..space], method, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            pattern = pattern[(space + 1)..].Trim();
        }

        return GlobMatch(pattern, path);
    }

    private static bool GlobMatch(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        if (!text.StartsWith(parts[0], StringComparison.Ordinal) || !text.EndsWith(parts[^1], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return position <= text.Length - parts[^1].Length;
    }
}
