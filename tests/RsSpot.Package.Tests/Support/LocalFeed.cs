using System.Globalization;
using System.Reflection;
using System.Xml.Linq;

namespace RsSpot.Package.Tests.Support;

/// <summary>
/// The packages as a NuGet consumer gets them: packed (without rebuilding) from this build's outputs into a temporary
/// feed, under a unique prerelease version so the NuGet cache never serves a stale copy. Disposing removes the feed
/// and those versions from the global packages folder.
/// </summary>
internal sealed class LocalFeed : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(3);

    private LocalFeed(string directory, string version, IReadOnlyList<string> packages)
    {
        Directory = directory;
        Version = version;
        Packages = packages;
    }

    /// <summary>The feed folder.</summary>
    public string Directory { get; }

    /// <summary>The version every package was packed with.</summary>
    public string Version { get; }

    /// <summary>The package ids in the feed.</summary>
    public IReadOnlyList<string> Packages { get; }

    /// <summary>Packs <paramref name="projects"/> (names of folders under src/) into a new feed.</summary>
    /// <exception cref="InvalidOperationException">A pack failed.</exception>
    public static async Task<LocalFeed> PackAsync(params string[] projects)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("rsspot-feed-").FullName;
        var suffix = "docs." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var feed = new LocalFeed(directory, VersionPrefix() + "-" + suffix, projects);
        foreach (var project in projects)
        {
            var result = await Dotnet.RunAsync(Repository.Root, PackTimeout, null,
                "pack", Repository.PathOf($"src/{project}/{project}.csproj"), "--no-build", "-c", BuildConfiguration(), "-o", directory,
                "-p:VersionSuffix=" + suffix, "--nologo", "-v", "quiet").ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                feed.Dispose();
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{result.Output}");
            }
        }

        return feed;
    }

    /// <summary>The consumers' nuget.config (build/consumer): RsSpot* from this feed, everything else from nuget.org.</summary>
    public string NuGetConfig() =>
        File.ReadAllText(Repository.PathOf("build/consumer/nuget.config.template")).Replace("FEED_DIRECTORY", Directory, StringComparison.Ordinal);

    /// <summary>The version pinned for <paramref name="package"/> in Directory.Packages.props.</summary>
    public static string PinnedVersion(string package) =>
        XDocument.Load(Repository.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == package).Attribute("Version")!.Value;

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in Packages)
        {
            var cached = Path.Combine(cache, package.ToLowerInvariant(), Version);
            if (System.IO.Directory.Exists(cached))
            {
                System.IO.Directory.Delete(cached, recursive: true);
            }
        }
    }

    private static string VersionPrefix() =>
        XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string BuildConfiguration() =>
        typeof(LocalFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
}
