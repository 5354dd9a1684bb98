using System.Reflection;
using PublicApiGenerator;
using RsSpot.Package.Tests.Support;

namespace RsSpot.Package.Tests.PublicApi;

/// <summary>
/// The public surface of every package is reviewed: it is written to api/&lt;Package&gt;.txt and a change to it fails
/// until that file is updated in the same commit, so every API change shows up in the diff a reviewer reads.
/// </summary>
public class PublicApiTests
{
    /// <summary>Set to 1 to (re)write api/*.txt from the current build instead of comparing.</summary>
    private const string AcceptVariable = "RSSPOT_ACCEPT_API";

    private static readonly ApiGeneratorOptions Options = new() { IncludeAssemblyAttributes = false };

    /// <summary>Each package's assembly has the package's name (the project references copy them here).</summary>
    [TestCase("RsSpot")]
    [TestCase("RsSpot.Emulator")]
    [TestCase("RsSpot.Cli")]
    public void Public_surface_matches_the_reviewed_api_file(string package)
    {
        var approvedPath = Repository.PathOf($"api/{package}.txt");
        var actual = Normalize(Assembly.Load(package).GeneratePublicApi(Options));
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : "";
        if (actual == approved)
        {
            Assert.That(actual, Is.EqualTo(approved));
            return;
        }

        var receivedPath = Repository.PathOf($"artifacts/api/{package}.received.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail($"""
            The public API of {package} changed (- approved, + now):
            {LineDiff.Format(approved, actual)}
            If the change is intended, review it and update the file in the same commit:
              cp {receivedPath} {approvedPath}
            or rewrite every api/*.txt: {AcceptVariable}=1 dotnet test tests/RsSpot.Package.Tests --filter PublicApi
            """);
    }

    /// <summary>
    /// The SDK stays small enough to learn (CLI plumbing and rendering live elsewhere): at most 90 public types
    /// (issue 16). A new public type must replace one: parameters over one-use request or result wrappers.
    /// </summary>
    [Test]
    public void The_sdk_has_at_most_90_public_types()
    {
        var types = Assembly.Load("RsSpot").GetExportedTypes();

        Assert.That(types, Has.Length.LessThanOrEqualTo(90), string.Join(", ", types.Select(t => t.FullName).Order(StringComparer.Ordinal)));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
