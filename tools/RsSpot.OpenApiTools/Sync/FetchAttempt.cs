namespace RsSpot.OpenApiTools.Sync;

/// <summary>One candidate URL that did not yield a usable document, and why.</summary>
/// <param name="Url">The URL tried.</param>
/// <param name="Reason">A one-line reason (HTTP status, timeout, network or parse error).</param>
public sealed record FetchAttempt(Uri Url, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Url}: {Reason}";
}

/// <summary>Every candidate URL failed; <see cref="Exception.Message"/> lists each one and why.</summary>
public sealed class OpenApiFetchException : Exception
{
    /// <summary>Creates the exception from the failed attempts (in the order tried).</summary>
    public OpenApiFetchException(IReadOnlyList<FetchAttempt> attempts)
        : base(Describe(attempts)) => Attempts = attempts;

    /// <summary>The failed attempts, in the order tried.</summary>
    public IReadOnlyList<FetchAttempt> Attempts { get; }

    private static string Describe(IReadOnlyList<FetchAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return $"could not fetch the upstream OpenAPI document; tried {attempts.Count} URL(s):"
            + string.Concat(attempts.Select(a => $"{Environment.NewLine}  - {a}"));
    }
}
