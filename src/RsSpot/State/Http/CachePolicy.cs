using System.Security.Cryptography;
using System.Text;

namespace RsSpot.State;

/// <summary>Pure rules of the HTTP cache: keys, TTLs and what a mutation invalidates.</summary>
internal static class CachePolicy
{
    // Deleting or changing a cloudspace cascades to the pools inside its namespace.
    private static readonly HashSet<string> CascadingResources = new(StringComparer.Ordinal) { "cloudspaces", "vmcloudspaces" };

    /// <summary>
    /// Key over everything that makes two responses differ: the identity scope (base URL, profile, identity),
    /// method, absolute URL with query, and the request body. Scoping fixes the reference's cross-profile leak (W4).
    /// </summary>
    public static string Key(string scope, string method, Uri uri, ReadOnlySpan<byte> body)
    {
        var bodyHash = body.IsEmpty ? "" : Convert.ToHexStringLower(SHA256.HashData(body));
        var material = string.Join('\n', scope, method.ToUpperInvariant(), uri.AbsoluteUri, bodyHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <summary>Absolute URL without the query: the unit invalidation works on.</summary>
    public static string Resource(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    /// <summary>
    /// TTL for <c>METHOD:/path</c>: an exact rule first, then the longest matching <c>*</c> prefix rule (deterministic,
    /// unlike dictionary order), then <see cref="CacheOptions.DefaultTtl"/>.
    /// </summary>
    public static TimeSpan Ttl(CacheOptions options, string method, string path)
    {
        var subject = $"{method.ToUpperInvariant()}:{path}";
        if (options.TtlRules.TryGetValue(subject, out var exact))
        {
            return exact;
        }

        var best = options.TtlRules
            .Where(rule => rule.Key.EndsWith('*') && subject.StartsWith(rule.Key[..^1], StringComparison.Ordinal))
            .OrderByDescending(rule => rule.Key.Length)
            .Select(rule => (TimeSpan?)rule.Value)
            .FirstOrDefault();
        return best ?? options.DefaultTtl;
    }

    /// <summary>
    /// The resource collection a successful mutation of <paramref name="uri"/> makes stale, as an absolute prefix:
    /// <c>…/namespaces/{ns}/{resource}</c> (collection and items) for namespaced objects, the whole namespace for
    /// cloudspaces (their pools cascade), and <c>/apis/{group}/{version}/{resource}</c> otherwise.
    /// </summary>
    public static string InvalidationPrefix(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var keep = segments.Length;
        if (segments.Length >= 5 && segments[0] == "apis" && segments[3] == "namespaces")
        {
            keep = segments.Length >= 6 && !CascadingResources.Contains(segments[5]) ? 6 : 5;
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            keep = 4;
        }

        return origin + "/" + string.Join('/', segments.Take(keep));
    }

    /// <summary>Whether <paramref name="resource"/> is <paramref name="prefix"/> itself or lies below it.</summary>
    public static bool IsUnder(string resource, string prefix) =>
        resource.Length == prefix.Length
            ? string.Equals(resource, prefix, StringComparison.Ordinal)
            : resource.StartsWith(prefix + "/", StringComparison.Ordinal);
}
