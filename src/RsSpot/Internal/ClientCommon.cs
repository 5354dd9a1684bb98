using Newtonsoft.Json.Linq;

namespace RsSpot.Internal;

/// <summary>Client-level operations shared by <see cref="SpotClient"/> and <see cref="AsyncSpotClient"/>.</summary>
internal static class ClientCommon
{
    public static Task AuthenticateAsync(SpotClientCore core, CancellationToken cancellationToken) =>
        core.CallAsync(ct => core.Tokens.GetTokenAsync(null, ct), cancellationToken);

    public static Task<JToken?> RawAsync(SpotClientCore core, HttpMethod method, string path, IReadOnlyDictionary<string, string>? query, JToken? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return core.SendRawAsync(method, path, query, body, cancellationToken);
    }
}
