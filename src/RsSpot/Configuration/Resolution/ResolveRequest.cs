namespace RsSpot.Configuration;

/// <summary>Values given explicitly by the caller (constructor arguments or CLI flags); each one set here outranks every other source.</summary>
internal sealed class ResolveRequest : ProfileSettings
{
    /// <summary>Profile name (CLI <c>-p</c>). A named profile that does not exist is an error.</summary>
    public string? Profile { get; init; }

    /// <summary>Complete retry options, replacing every configured retry setting (legacy knobs set here still apply over them).</summary>
    public RetryOptions? Retry { get; init; }

    /// <summary>Complete cache options, replacing every configured cache setting.</summary>
    public CacheOptions? Cache { get; init; }

    /// <summary>state.db location (relative paths are taken from the working directory).</summary>
    public string? StatePath { get; init; }
}
