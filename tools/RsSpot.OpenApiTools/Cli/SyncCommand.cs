using System.Globalization;
using RsSpot.OpenApiTools.Sync;

namespace RsSpot.OpenApiTools.Cli;

/// <summary><c>sync</c>: fetch the published document and write the canonical snapshot plus metadata.json.</summary>
public static class SyncCommand
{
    /// <summary>One-line usage.</summary>
    public const string Usage = "sync [--url URL] [--out FILE] [--metadata FILE] [--timeout SECONDS] [--root DIR]";

    /// <summary>Runs the command; 0 on success, 1 when every candidate failed.</summary>
    public static async Task<int> RunAsync(IEnumerable<string> args, ToolContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = Arguments.Parse(args, ["--url", "--out", "--metadata", "--timeout", "--root"], []);
        var layout = context.Layout(arguments);
        var candidates = Candidates(arguments, context);
        var token = UpstreamSources.BearerToken(context.Environment);
        var timeout = arguments.Value("--timeout") is { } seconds
            ? double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? TimeSpan.FromSeconds(value)
                : throw new UsageException("--timeout must be a positive number of seconds")
            : OpenApiFetcher.DefaultTimeout;

        using var http = context.HttpHandler is null ? new HttpClient() : new HttpClient(context.HttpHandler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan; // the fetcher applies its own per-URL timeout
        var fetcher = new OpenApiFetcher(http, timeout, context.Time);
        await context.Error.WriteLineAsync(
            $"fetching the upstream document ({candidates.Count} candidate URL(s), {(token is null ? "no token" : "bearer token from the environment")})")
            .ConfigureAwait(false);
        FetchedDocument fetched;
        try
        {
            fetched = await fetcher.FetchAsync(candidates, token).ConfigureAwait(false);
        }
        catch (OpenApiFetchException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var documentPath = arguments.Value("--out") ?? layout.UpstreamDocument;
        var metadataPath = arguments.Value("--metadata") ?? layout.UpstreamMetadata;
        var metadata = UpstreamSnapshot.Write(fetched, documentPath, metadataPath);
        await context.Out.WriteLineAsync(
            $"wrote {documentPath} from {metadata.SourceUrl} (OpenAPI {metadata.OpenApiVersion}, \"{metadata.Title}\" {metadata.ApiVersion}, sha256 {metadata.Sha256})")
            .ConfigureAwait(false);
        await context.Out.WriteLineAsync($"wrote {metadataPath}").ConfigureAwait(false);
        return 0;
    }

    private static IReadOnlyList<Uri> Candidates(Arguments arguments, ToolContext context)
    {
        try
        {
            return UpstreamSources.Candidates(arguments.Value("--url"), context.Environment);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
