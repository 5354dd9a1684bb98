using System.Text;
using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

/// <summary>Every malformed input gives a <see cref="SpotConfigurationException"/> naming the file and the problem.</summary>
[TestFixture]
public sealed class MalformedConfigTests : TempHomeFixture
{
    private const string Secret = "SECRET-VALUE-42";

    private static IEnumerable<TestCaseData> MalformedTexts()
    {
        TestCaseData Case(string file, string text, string problem, string name) => new TestCaseData(file, text, problem).SetName(name);

        // YAML
        yield return Case("config.yml", "profiles: [a, b", "invalid YAML", "Yaml_UnclosedFlowSequence");
        yield return Case("config.yml", "profiles: [broken\nrefresh_token: x\n", "invalid YAML", "Yaml_UnclosedFlowSequenceOverLines");
        yield return Case("config.yml", string.Empty, "the file is empty", "Yaml_EmptyFile");
        yield return Case("config.yml", "# only a comment\n", "the file is empty", "Yaml_OnlyComments");
        yield return Case("config.yml", "- a\n- b\n", "the document is a list, expected a map", "Yaml_RootIsList");
        yield return Case("config.yml", "just a sentence\n", "the document is a string, expected a map", "Yaml_RootIsScalar");
        yield return Case("config.yml", "profiles:\n  - prod\n", "profiles: expected a map, got a list", "Yaml_ListWhereMapBelongs");
        yield return Case("config.yml", "profiles:\n  p:\n    verify_ssl: [true]\n", "profiles.p.verify_ssl: expected a boolean", "Yaml_ListWhereBoolBelongs");
        yield return Case("config.yml", "profiles:\n  p:\n    request_timeout_seconds: soon\n", "profiles.p.request_timeout_seconds: expected a number", "Yaml_WordWhereNumberBelongs");
        yield return Case("config.yml", $"profiles:\n  p:\n    refresh_token:\n      nested: {Secret}\n", "profiles.p.refresh_token: expected a string, got a map", "Yaml_MapWhereStringBelongs");
        yield return Case("config.yml", "retry:\n  max_attempts: 0\n", "retry.max_attempts: must be at least 1", "Yaml_RetryAttemptsZero");
        yield return Case("config.yml", "retry:\n  max_attemps: 3\n", "retry.max_attemps: unknown key", "Yaml_RetryTypo");
        yield return Case("config.yml", "cache:\n  backend: redis\n", "cache.backend: must be 'sqlite' or 'memory'", "Yaml_UnknownCacheBackend");
        yield return Case("config.yml", "retry:\n  jitter: 1.5\n", "retry.jitter: must be between 0 and 1", "Yaml_JitterOutOfRange");
        yield return Case("config.yml", "a: 1\na: 2\n", "invalid YAML", "Yaml_DuplicateKey");
        yield return Case("config.yml", "a: 1\n---\nb: 2\n", "several YAML documents", "Yaml_TwoDocuments");
        yield return Case("config.yml", "profiles: 5\n", "profiles: expected a map, got an integer", "Yaml_NumberWhereMapBelongs");

        // TOML
        yield return Case("config.toml", "profiles = [", "invalid TOML", "Toml_Unterminated");
        yield return Case("config.toml", "[profiles.p]\nverify_ssl = \"maybe\"\n", "profiles.p.verify_ssl: expected a boolean", "Toml_BadBoolean");
        yield return Case("config.toml", "a = 1\na = 2\n", "invalid TOML", "Toml_DuplicateKey");
        yield return Case("config.toml", "  \n", "the file is empty", "Toml_EmptyFile");
        yield return Case("config.toml", "[cache.ttl_defaults]\n\"GET:/x\" = -1\n", "cache.ttl_defaults.GET:/x: must not be negative", "Toml_NegativeTtl");
        yield return Case("config.toml", "preferences = \"prod\"\n", "preferences: expected a map, got a string", "Toml_StringWhereMapBelongs");

        // JSON
        yield return Case("config.json", "{\"profiles\": }", "invalid JSON", "Json_MissingValue");
        yield return Case("config.json", "[1, 2]", "the document is a list, expected a map", "Json_RootIsList");
        yield return Case("config.json", "{\"a\": 1, \"a\": 2}", "invalid JSON", "Json_DuplicateKey");
        yield return Case("config.json", "{} trailing", "invalid JSON", "Json_TrailingContent");
        yield return Case("config.json", "{\"profiles\": {\"p\": {\"max_retries\": -1}}}", "profiles.p.max_retries: must not be negative", "Json_NegativeRetries");
        yield return Case("config.json", "{\"preferences\": {\"profile_orgs\": {\"p\": [1]}}}", "preferences.profile_orgs.p: expected a string, got a list", "Json_ListInStringMap");
        yield return Case("config.json", "{\"retry\": {\"retry_statuses\": [200, 999]}}", "retry.retry_statuses[1]: must hold HTTP statuses", "Json_BadStatuses");
        yield return Case("config.json", $"{{\"profiles\": {{\"p\": {{\"refresh_token\": \"{Secret}\", \"refreshToken\": \"other\"}}}}}}", "conflicts with 'refresh_token'", "Json_ConflictingAliases");
        yield return Case("config.json", "{\"version\": {\"major\": 2}}", "version: expected a string, got a map", "Json_MapWhereStringBelongs");
        yield return Case("config.json", "{\"profiles\": {\"p\": {\"request_timeout_seconds\": 0}}}", "must be greater than 0", "Json_ZeroTimeout");
        yield return Case("config.json", "   ", "the file is empty", "Json_EmptyFile");

        // Extension-less (auto-detected)
        yield return Case("spot_config", "\u0001\u0002 ::: [ {", "could not detect the format", "Detect_Garbage");
        yield return Case("spot_config", "- just\n- a list\n", "could not detect the format", "Detect_ListOnly");
    }

    [TestCaseSource(nameof(MalformedTexts))]
    public void MalformedInputNamesFileAndProblem(string fileName, string text, string problem)
    {
        var path = Home.Write(fileName, text);

        var error = Assert.Throws<SpotConfigurationException>(() => ConfigSerializer.ReadFile(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Path, Is.EqualTo(path));
            Assert.That(error.Message, Does.Contain($"'{path}'"));
            Assert.That(error.Message, Does.Contain(problem));
            Assert.That(error.Message, Does.Not.Contain(Secret), "values are never echoed: they may be secrets");
            Assert.That(error.Message, Does.Not.Contain('\n'), "one-line messages");
        });
    }

    [TestCase("config.toml", $"[profiles.p]\nrefresh_token = {Secret}\n")]
    [TestCase("config.toml", $"[profiles.p]\nrefresh_token = \"x\" {Secret}\n")]
    [TestCase("config.toml", $"[profiles.p]\n{Secret} x\n")]
    [TestCase("config.json", $"{{\"profiles\": {{\"p\": {{\"refresh_token\": {Secret}}}}}}}")]
    [TestCase("config.json", $"{{\"refresh_token\": \"x\" {Secret}}}")]
    [TestCase("config.yml", $"profiles:\n  p:\n    refresh_token: [{Secret}\n")]
    public void Syntax_errors_quote_no_fragment_of_the_document(string fileName, string text)
    {
        var path = Home.Write(fileName, text);

        var error = Assert.Throws<SpotConfigurationException>(() => ConfigSerializer.ReadFile(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("invalid "));
            Assert.That(error.Message, Does.Not.Contain("SECRET").And.Not.Contain("VALUE").And.Not.Contain(": S."), "not even the first word or character of a value");
        });
    }

    [TestCase("config.yml", "profiles:\n  p:\n    org: acme\n    verify_ssl: [true]\n", 4)]
    [TestCase("config.toml", "[profiles.p]\norg = \"acme\"\nverify_ssl = [true]\n", 3)]
    [TestCase("config.json", "{\n  \"profiles\": {\n    \"p\": {\n      \"verify_ssl\": [true]\n    }\n  }\n}", 4)]
    [TestCase("config.yml", "profiles:\n  p: [broken\n", 3)]
    public void ErrorsNameTheLineTheParserReports(string fileName, string text, int line)
    {
        var path = Home.Write(fileName, text);

        var error = Assert.Throws<SpotConfigurationException>(() => ConfigSerializer.ReadFile(path));

        Assert.That(error!.Message, Does.Contain($"'{path}' (line {line}): "));
    }

    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE }, "not UTF-8 text")]
    [TestCase(new byte[] { 0x6F, 0x72, 0x67, 0x3A, 0x20, 0x00, 0x01, 0x02 }, "binary")]
    public void BinaryGarbageIsReported(byte[] bytes, string problem)
    {
        var path = Path.Combine(Home.Root, "config.yml");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<SpotConfigurationException>(() => ConfigSerializer.ReadFile(path));

        Assert.That(error!.Message, Does.Contain(path).And.Contain(problem));
    }

    [Test]
    public void RandomBytesNeverEscapeAsAnotherExceptionType()
    {
        var random = new Random(20260101);
        foreach (var fileName in new[] { "r.yml", "r.toml", "r.json", "r" })
        {
            for (var round = 0; round < 25; round++)
            {
                var bytes = new byte[random.Next(1, 200)];
                random.NextBytes(bytes);
                var path = Path.Combine(Home.Root, fileName);
                File.WriteAllBytes(path, bytes);

                var error = Assert.Catch(() => ConfigSerializer.ReadFile(path));
                Assert.That(error, Is.TypeOf<SpotConfigurationException>(), $"{fileName} round {round}");
            }
        }
    }

    [Test]
    public void ParsedTextWithoutAFileUsesARuntimeName()
    {
        var error = Assert.Throws<SpotConfigurationException>(() => ConfigSerializer.Parse("[", ConfigFormat.Json));

        Assert.That(error!.Message, Does.StartWith("failed to parse config file '<runtime config>'"));
    }

    [Test]
    public void ValidUtf8WithByteOrderMarkIsAccepted()
    {
        var path = Path.Combine(Home.Root, "config.toml");
        File.WriteAllText(path, "default_profile = \"bom\"\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.That(ConfigSerializer.ReadFile(path).DefaultProfile, Is.EqualTo("bom"));
    }
}
