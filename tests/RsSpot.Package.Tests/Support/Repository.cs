namespace RsSpot.Package.Tests.Support;

/// <summary>Paths of the checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder holding RsSpot.sln.</summary>
    public static string Root { get; } = FindRoot(TestContext.CurrentContext.TestDirectory);

    /// <summary>A path under the root, from slash-separated segments.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RsSpot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no RsSpot.sln at or above {start}");
    }
}
