namespace RsSpot.OpenApiTools.Cli;

/// <summary>Where the tool's inputs and outputs live in a repository checkout.</summary>
/// <param name="Root">The repository root (the folder holding RsSpot.sln).</param>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>Our document, relative to the root.</summary>
    public const string OurDocumentPath = "openapi/rackspace-spot.json";

    /// <summary>Our document.</summary>
    public string OurDocument => Path.Combine(Root, OurDocumentPath);

    /// <summary>The canonical upstream snapshot written by <c>sync</c>.</summary>
    public string UpstreamDocument => Path.Combine(Root, "openapi", "upstream", "spot-upstream.json");

    /// <summary>The snapshot's metadata written by <c>sync</c>.</summary>
    public string UpstreamMetadata => Path.Combine(Root, "openapi", "upstream", "metadata.json");

    /// <summary>The reviewed drift baseline read by <c>diff</c> when present.</summary>
    public string DriftBaseline => Path.Combine(Root, "openapi", "upstream", "drift-baseline.json");

    /// <summary>The operation index written by <c>index</c>.</summary>
    public string Index => Path.Combine(Root, "openapi", "INDEX.md");

    /// <summary>Operations deliberately without a facade method (operationId → reason), read when present.</summary>
    public string CoverageExclusions => Path.Combine(Root, "openapi", "coverage-exclusions.json");

    /// <summary>Finds the repository root at or above <paramref name="startDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above holds RsSpot.sln and openapi/.</exception>
    public static RepositoryLayout Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RsSpot.sln")) && Directory.Exists(Path.Combine(directory.FullName, "openapi")))
            {
                return new RepositoryLayout(directory.FullName);
            }
        }

        throw new DirectoryNotFoundException($"no RsSpot checkout (RsSpot.sln + openapi/) at or above {startDirectory}; pass --root");
    }
}
