using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace RsSpot.OpenApiTools.Documents;

/// <summary>
/// Reads an OpenAPI (or Swagger 2) document given as JSON, as JSON with raw newlines inside strings,
/// or as YAML, and checks that it is one.
/// </summary>
public static class OpenApiDocumentReader
{
    /// <summary>Reads a document from a file.</summary>
    /// <exception cref="InvalidDataException">The file is not an OpenAPI document.</exception>
    public static JsonObject ReadFile(string path)
    {
        try
        {
            return Read(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a document from UTF-8 bytes (a leading byte-order mark is ignored).</summary>
    /// <exception cref="InvalidDataException">The bytes are not an OpenAPI document.</exception>
    public static JsonObject Read(ReadOnlySpan<byte> utf8) => Read(new UTF8Encoding(false).GetString(utf8));

    /// <summary>
    /// Reads a document from text: JSON (raw control characters inside strings tolerated) when it starts
    /// with <c>{</c> or <c>[</c>, YAML otherwise.
    /// </summary>
    /// <exception cref="InvalidDataException">The text is not an OpenAPI document.</exception>
    public static JsonObject Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = Parse(text.TrimStart('\uFEFF'));
        if (root is not JsonObject document)
        {
            throw new InvalidDataException("not an OpenAPI document (the content is not a JSON/YAML object)");
        }

        if (OpenApiVersion(document) is null)
        {
            throw new InvalidDataException("not an OpenAPI document (no 'openapi' or 'swagger' version field)");
        }

        return document;
    }

    /// <summary>The document's <c>openapi</c> (or Swagger 2 <c>swagger</c>) version string, if any.</summary>
    public static string? OpenApiVersion(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (document["openapi"] ?? document["swagger"]) is JsonValue value && value.TryGetValue<string>(out var version)
            ? version
            : null;
    }

    private static JsonNode? Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return LenientJsonReader.Parse(text);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"invalid JSON: {e.Message}", e);
            }
        }

        try
        {
            return YamlToJson.Convert(text);
        }
        catch (Exception e) when (e is YamlException or FormatException)
        {
            throw new InvalidDataException($"neither JSON nor valid YAML: {e.Message}", e);
        }
    }
}
