using Newtonsoft.Json.Linq;

namespace RsSpot.Configuration;

/// <summary>
/// Hides secrets before configuration is displayed: at any depth, values under a key containing a secret marker (case-insensitive,
/// <c>_</c> and <c>-</c> ignored, so <c>refreshToken</c> and <c>private-key</c> match) become <see cref="Placeholder"/>, and a
/// connection string is shown with only its password masked.
/// </summary>
internal static class ConfigRedactor
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Placeholder = "<redacted>";

    private static readonly string[] SecretMarkers =
    [
        "token", "secret", "password", "passphrase", "privatekey", "serviceaccountkey", "cert", "authorization",
        "header", "cookie", "jwt", "signature",
    ];

    /// <summary>Whether values stored under <paramref name="key"/> are secret.</summary>
    public static bool IsSecretKey(string key) => SecretMarkers.Any(Normalized(key).Contains);

    /// <summary>The plain tree of <paramref name="config"/> (as saved), with secrets redacted.</summary>
    public static IDictionary<string, object?> Redact(SpotConfig config)
    {
        var tree = ConfigBinder.ToTree(config);
        foreach (var secret in tree.Descendants().OfType<JProperty>().Where(p => IsSecretKey(p.Name) && p.Value.Type is not JTokenType.Null).ToList())
        {
            secret.Value = Placeholder;
        }

        foreach (var connection in tree.Descendants().OfType<JProperty>().Where(p => Normalized(p.Name).Contains("connectionstring", StringComparison.Ordinal) && p.Value.Type is JTokenType.String).ToList())
        {
            connection.Value = State.SharedStateSettings.Mask((string)connection.Value!);
        }

        return (IDictionary<string, object?>)ConfigTree.ToPlain(tree)!;
    }

    private static string Normalized(string key) => key.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
