using System.Text;
using RsSpot.Emulator.State;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Routing;

/// <summary>What a route handler sees: the request, its route values, the caller, the state and the clock.</summary>
internal sealed class RequestContext(EmulatorRequest request, EmulatorState state, SpotEmulatorOptions options,
    DateTimeOffset now, IReadOnlyDictionary<string, string> routeValues)
{
    public EmulatorRequest Request { get; } = request;

    public EmulatorState State { get; } = state;

    public SpotEmulatorOptions Options { get; } = options;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Set by a handler that modified <see cref="State"/>, so the store persists it.</summary>
    public bool Changed { get; set; }

    /// <summary>Organization id of the authenticated caller (from the bearer token), or null.</summary>
    public string? CallerOrgId { get; set; }

    public string Route(string name) => routeValues[name];

    public string Timestamp => Format(Now);

    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public string? QueryValue(string name) => ParseForm(Request.Query).GetValueOrDefault(name);

    public string BodyText => Encoding.UTF8.GetString(Request.BodyBytes);

    /// <summary>The body as a JSON object checked against a schema of the OpenAPI document.</summary>
    /// <param name="schemaName">Name of the schema under components/schemas, e.g. <c>CloudSpace</c>.</param>
    /// <param name="checks">What the check enforces beyond types (merge patches accept nulls).</param>
    public JsonBody ReadJson(string schemaName, SchemaChecks checks = SchemaChecks.None) =>
        JsonBody.Read(Request.BodyBytes, WireSchemas.Component(schemaName), checks);

    /// <summary>Parses application/x-www-form-urlencoded text (also used for query strings).</summary>
    public static Dictionary<string, string> ParseForm(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            values[Decode(parts[0])] = parts.Length > 1 ? Decode(parts[1]) : string.Empty;
        }

        return values;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
