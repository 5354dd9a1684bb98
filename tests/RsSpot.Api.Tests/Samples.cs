using Newtonsoft.Json.Linq;

namespace RsSpot.Api.Tests;

/// <summary>Access to the payloads under tests/TestData/samples (copied next to the test binaries).</summary>
internal static class Samples
{
    public static string Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "samples");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    /// <summary>Parses without Newtonsoft's date sniffing so strings compare as sent.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
