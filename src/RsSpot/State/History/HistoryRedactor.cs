using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RsSpot.State;

/// <summary>
/// Removes secrets from an argv before it is stored in the command history. Rules (the reference's, made strict):
/// <list type="bullet">
/// <item>A long flag whose name contains a marker (token, secret, password, passphrase, key, cert, auth, header,
/// cookie, signature, private, jwt, connection) loses its value in both <c>--flag value</c> and <c>--flag=value</c> forms,
/// even when the value starts with a dash; so do the short aliases passed to the constructor (also <c>-tVALUE</c>).
/// A dash-led token that is no plausible option name (e.g. a secret starting with '-') is judged as a value.</item>
/// <item>Flags whose name ends in <c>url</c>/<c>uri</c>/<c>endpoint</c> (e.g. <c>--oauth-url</c>) are addresses, not
/// secrets: their value is kept, minus any user-info and query string, which are redacted.</item>
/// <item>Any value that looks like a secret is redacted wherever it appears: a JWT, a <c>Bearer</c>/<c>Basic</c>
/// credential, or a bare token of 48+ characters without spaces or slashes.</item>
/// <item>JSON values (<c>--body-json</c>, <c>--params-json</c>) keep their shape with secret-keyed fields redacted;
/// <c>k=v</c> values (also comma- or semicolon-separated lists, such as connection strings) redact the value of
/// secret-named keys.</item>
/// </list>
/// Ordinary values are kept even when they contain a marker (a cloudspace named <c>keycloak</c>).
/// </summary>
internal sealed partial class HistoryRedactor
{
    /// <summary>Replacement text for a removed secret.</summary>
    public const string Redacted = "<redacted>";

    private const int BareTokenLength = 48;

    private static readonly string[] Markers =
        ["token", "secret", "password", "passphrase", "key", "cert", "auth", "header", "cookie", "signature", "private", "jwt", "connection"];

    private static readonly string[] AddressSuffixes = ["url", "uri", "endpoint"];

    // History is shown in terminals, not HTML: keep '<redacted>' readable instead of \u003C-escaping it.
    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HashSet<string> _secretShortFlags;

    /// <summary>Creates a redactor.</summary>
    /// <param name="secretShortFlags">Short aliases of secret-bearing options (e.g. <c>-t</c>), whose values are redacted too.</param>
    public HistoryRedactor(IEnumerable<string>? secretShortFlags = null) =>
        _secretShortFlags = new HashSet<string>(secretShortFlags ?? [], StringComparer.Ordinal);

    /// <summary>A redactor with no short secret aliases.</summary>
    public static HistoryRedactor Default { get; } = new();

    /// <summary>Returns a redacted copy of <paramref name="argv"/>; the input is not modified.</summary>
    public IReadOnlyList<string> Redact(IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var result = new List<string>(argv.Count);
        var afterSeparator = false;
        for (var i = 0; i < argv.Count; i++)
        {
            var arg = argv[i];
            if (afterSeparator || arg == "--" || !arg.StartsWith('-') || arg == "-")
            {
                afterSeparator |= arg == "--";
                result.Add(arg == "--" ? arg : RedactValue(arg));
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var flag = equals < 0 ? arg : arg[..equals];
            if (!FlagPattern().IsMatch(flag))
            {
                // Not an option at all: a negative number, or a bare secret that happens to begin with '-'.
                result.Add(LooksSecret(arg) ? Redacted : arg);
                continue;
            }

            if (equals < 0 && flag.Length > 2 && flag[1] != '-' && _secretShortFlags.Contains(flag[..2]))
            {
                result.Add(flag[..2] + Redacted); // "-tVALUE": a short secret alias with its value attached
                continue;
            }

            if (equals >= 0)
            {
                result.Add($"{flag}={RedactFlagValue(flag, arg[(equals + 1)..])}");
                continue;
            }

            result.Add(arg);
            if (IsSecretFlag(flag) && i + 1 < argv.Count)
            {
                // Always take the next token: a secret may begin with '-' (base64url), and over-redacting is safe.
                result.Add(Redacted);
                i++;
            }
            else if (IsAddressFlag(flag) && i + 1 < argv.Count)
            {
                result.Add(RedactFlagValue(flag, argv[++i]));
            }
        }

        return result;
    }

    /// <summary>Whether a single value (not a flag) would be treated as a secret on its own.</summary>
    public static bool LooksSecret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        return JwtPattern().IsMatch(trimmed)
            || CredentialSchemePattern().IsMatch(trimmed)
            || (trimmed.Length >= BareTokenLength && !trimmed.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\'));
    }

    private string RedactFlagValue(string flag, string value) =>
        IsSecretFlag(flag) ? Redacted : IsAddressFlag(flag) ? RedactAddress(value) : RedactValue(value);

    private bool IsSecretFlag(string flag)
    {
        if (!flag.StartsWith("--", StringComparison.Ordinal))
        {
            return _secretShortFlags.Contains(flag);
        }

        var name = flag.TrimStart('-').ToLowerInvariant();
        return !IsAddressFlag(flag) && ContainsMarker(name);
    }

    private static bool IsAddressFlag(string flag) =>
        flag.StartsWith("--", StringComparison.Ordinal)
        && AddressSuffixes.Any(suffix => flag.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    private static bool ContainsMarker(string name) =>
        Markers.Any(marker => name.Contains(marker, StringComparison.OrdinalIgnoreCase));

    private static string RedactValue(string value)
    {
        var trimmed = value.TrimStart();
        if ((trimmed.StartsWith('{') || trimmed.StartsWith('[')) && TryRedactJson(trimmed, out var json))
        {
            return json;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return RedactAddress(value);
        }

        if (LooksSecret(value))
        {
            return Redacted;
        }

        return value.Contains('=', StringComparison.Ordinal) ? RedactAssignments(value) : value;
    }

    /// <summary><c>k=v</c>, <c>a=1,token=2</c> or <c>Host=h;Password=p</c>: redacts the values of secret-named keys and secret-looking values.</summary>
    private static string RedactAssignments(string value) =>
        Assignment().Replace(value, match =>
            ContainsMarker(match.Groups["key"].Value) || LooksSecret(match.Groups["value"].Value) ? $"{match.Groups["key"].Value}={Redacted}" : match.Value);

    private static string RedactAddress(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return LooksSecret(value) ? Redacted : value;
        }

        if (uri.UserInfo.Length == 0 && uri.Query.Length == 0)
        {
            return value;
        }

        var builder = new UriBuilder(uri);
        if (uri.UserInfo.Length > 0)
        {
            builder.UserName = Redacted;
            builder.Password = "";
        }

        if (uri.Query.Length > 0)
        {
            builder.Query = Redacted;
        }

        return builder.Uri.GetComponents(UriComponents.SerializationInfoString, UriFormat.Unescaped);
    }

    private static bool TryRedactJson(string value, out string redacted)
    {
        try
        {
            var node = JsonNode.Parse(value);
            redacted = RedactJsonNode(node)?.ToJsonString(JsonOutput) ?? "null";
            return true;
        }
        catch (JsonException)
        {
            redacted = value;
            return false;
        }
    }

    // Builds a new tree: a node cannot be re-attached while it still has a parent.
    private static JsonNode? RedactJsonNode(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(property => KeyValuePair.Create(
            property.Key,
            ContainsMarker(property.Key) ? JsonValue.Create(Redacted) : RedactJsonNode(property.Value)))),
        JsonArray array => new JsonArray([.. array.Select(RedactJsonNode)]),
        JsonValue leaf when leaf.TryGetValue<string>(out var text) => JsonValue.Create(RedactValue(text)),
        _ => node?.DeepClone(),
    };

    // Option names are short identifiers; anything longer or stranger is treated as a value.
    [GeneratedRegex(@"^--?[A-Za-z][A-Za-z0-9_.-]{0,39}$")]
    private static partial Regex FlagPattern();

    [GeneratedRegex(@"(?<=^|[,;])(?<key>[^=,;]+)=(?<value>[^,;]*)")]
    private static partial Regex Assignment();

    // JWS/JWE: a base64url JSON header (always "eyJ"), then payload and signature segments.
    [GeneratedRegex(@"^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"\bbearer\s+\S|\bbasic\s+[A-Za-z0-9+/]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialSchemePattern();
}
