namespace RsSpot.OpenApiTools.Sync;

/// <summary>
/// Where the published Spot document may live and which credentials to send, resolved from the command
/// line and the environment. Neither the discovery URLs nor the need for a token are documented by
/// Rackspace, so every candidate is tried in order.
/// </summary>
public static class UpstreamSources
{
    /// <summary>Environment variable that puts one URL in front of the built-in candidates.</summary>
    public const string UrlVariable = "RSSPOT_OPENAPI_URL";

    /// <summary>Environment variables holding an optional bearer token, in precedence order.</summary>
    public static readonly IReadOnlyList<string> TokenVariables = ["RSSPOT_ACCESS_TOKEN", "RACKSPACE_ACCESS_TOKEN"];

    /// <summary>Built-in discovery URLs, tried after <see cref="UrlVariable"/>.</summary>
    public static readonly IReadOnlyList<Uri> DefaultCandidates =
    [
        new("https://spot.rackspace.com/openapi/v2"),
        new("https://spot.rackspace.com/openapi.json"),
        new("https://spot.rackspace.com/swagger.json"),
    ];

    /// <summary>
    /// The URLs to try: <paramref name="explicitUrl"/> alone when given (the user asked for exactly that),
    /// otherwise <see cref="UrlVariable"/> (when set) followed by <see cref="DefaultCandidates"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A given URL is not an absolute http(s) URL.</exception>
    public static IReadOnlyList<Uri> Candidates(string? explicitUrl, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(explicitUrl))
        {
            return [ParseUrl(explicitUrl, "--url")];
        }

        var fromEnvironment = environment(UrlVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return DefaultCandidates;
        }

        var first = ParseUrl(fromEnvironment, UrlVariable);
        return [first, .. DefaultCandidates.Where(u => u != first)];
    }

    /// <summary>The first non-empty token among <see cref="TokenVariables"/>, or null.</summary>
    public static string? BearerToken(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return TokenVariables.Select(environment).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim();
    }

    private static Uri ParseUrl(string value, string origin) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new ArgumentException($"{origin}: '{value}' is not an absolute http(s) URL");
}
