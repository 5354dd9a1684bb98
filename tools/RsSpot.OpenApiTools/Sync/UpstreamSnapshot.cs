using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RsSpot.OpenApiTools.Documents;

namespace RsSpot.OpenApiTools.Sync;

/// <summary>What metadata.json records about a snapshot.</summary>
/// <param name="SourceUrl">The URL that served the document.</param>
/// <param name="FetchedAt">When it was fetched (UTC).</param>
/// <param name="OpenApiVersion">The document's <c>openapi</c>/<c>swagger</c> field.</param>
/// <param name="Title">The document's <c>info.title</c>, if any.</param>
/// <param name="ApiVersion">The document's <c>info.version</c>, if any.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the written snapshot file (content identity).</param>
/// <param name="SourceSha256">Lower-case hex SHA-256 of the bytes served (byte identity).</param>
public sealed record SnapshotMetadata(
    Uri SourceUrl,
    DateTimeOffset FetchedAt,
    string OpenApiVersion,
    string? Title,
    string? ApiVersion,
    string Sha256,
    string SourceSha256)
{
    /// <summary>The metadata as a JSON object (camelCase keys).</summary>
    public JsonObject ToJson() => new()
    {
        ["sourceUrl"] = SourceUrl.ToString(),
        ["fetchedAt"] = FetchedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["openapiVersion"] = OpenApiVersion,
        ["title"] = Title,
        ["apiVersion"] = ApiVersion,
        ["sha256"] = Sha256,
        ["sourceSha256"] = SourceSha256,
    };
}

/// <summary>
/// Writes a fetched document as the canonical snapshot (sorted keys, stable layout, so two syncs of the
/// same content are byte-identical) plus its metadata. Both files are replaced atomically.
/// </summary>
public static class UpstreamSnapshot
{
    /// <summary>Writes <paramref name="fetched"/> to <paramref name="documentPath"/> and its metadata to <paramref name="metadataPath"/>.</summary>
    /// <returns>The metadata written.</returns>
    public static SnapshotMetadata Write(FetchedDocument fetched, string documentPath, string metadataPath)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        var text = JsonCanonicalizer.Serialize(fetched.Document);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        var info = fetched.Document["info"] as JsonObject;
        var metadata = new SnapshotMetadata(
            fetched.Source,
            fetched.FetchedAt,
            OpenApiDocumentReader.OpenApiVersion(fetched.Document) ?? "unknown",
            info?["title"]?.ToString(),
            info?["version"]?.ToString(),
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            fetched.SourceSha256);

        AtomicFile.Write(documentPath, bytes);
        AtomicFile.Write(metadataPath, new UTF8Encoding(false).GetBytes(JsonCanonicalizer.Serialize(metadata.ToJson())));
        return metadata;
    }
}
