using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Json;

namespace RsSpot.Emulator.Validation;

/// <summary>
/// A request body read as a JSON object and checked against a schema: either <see cref="Object"/>, or why it is
/// unusable: <see cref="Problem"/> when it is no JSON object at all (a 400), <see cref="Errors"/> per field (a 422).
/// </summary>
internal sealed record JsonBody(JObject? Object, string? Problem, IReadOnlyList<FieldError> Errors)
{
    private const int MaxMessageLength = 240;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes (strict UTF-8), parses and checks a body.</summary>
    /// <param name="bytes">The raw body.</param>
    /// <param name="schema">The schema it must conform to, or null for any object.</param>
    /// <param name="checks">What the schema check enforces beyond types.</param>
    public static JsonBody Read(byte[] bytes, JObject? schema, SchemaChecks checks = SchemaChecks.None)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Unusable("the request body is not valid UTF-8");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Unusable("the request body is empty, expected a JSON object");
        }

        JToken? token;
        try
        {
            token = Parse(text);
        }
        catch (JsonException e)
        {
            return Unusable("the request body is not valid JSON: " + Shorten(e.Message));
        }

        return token is JObject obj
            ? new(obj, null, schema is null ? [] : SchemaChecker.Check(obj, schema, checks))
            : Unusable($"the request body must be a JSON object, got {token?.Type.ToString().ToLowerInvariant() ?? "nothing"}");
    }

    private static JsonBody Unusable(string problem) => new(null, problem, []);

    /// <summary>
    /// Strict parsing: JsonConvert would quietly close an object left open at the end of the text, so the reader is
    /// driven directly and anything but comments after the value is refused.
    /// </summary>
    private static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = EmulatorJson.Settings.DateParseHandling,
            FloatParseHandling = EmulatorJson.Settings.FloatParseHandling,
            MaxDepth = EmulatorJson.MaxDepth,
        };
        var token = JToken.ReadFrom(reader);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"Additional text after the JSON value, line {reader.LineNumber}, position {reader.LinePosition}.");
            }
        }

        return token;
    }

    /// <summary>Parser messages quote the offending literal, which may be most of a megabyte: keep both ends.</summary>
    private static string Shorten(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength / 2)] + " ... " + message[^(MaxMessageLength / 2)..];
}
