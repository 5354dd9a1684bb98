namespace RsSpot.Tests.Support;

/// <summary>The payloads under tests/TestData/samples.</summary>
public static class SampleData
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "samples", name));
}
