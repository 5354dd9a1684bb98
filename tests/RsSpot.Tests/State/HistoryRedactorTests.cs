using RsSpot.State;

namespace RsSpot.Tests.State;

public sealed class HistoryRedactorTests
{
    private const string R = HistoryRedactor.Redacted;
    private const string LongToken = "v1.MRrTq9cPZbV8xkL2yH4nW7eJ0sA6dF3gU5iO1pQ8rT2wY9zX4cV7bN0mK3jH6gF";
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJl";

    private static IEnumerable<TestCaseData> Cases()
    {
        // Secret-bearing flags, both forms, including values that start with '-'.
        yield return Case(["--refresh-token", "abc"], ["--refresh-token", R]);
        yield return Case(["--refresh-token=abc"], ["--refresh-token=" + R]);
        yield return Case(["--access-token", "-starts-with-dash"], ["--access-token", R]);
        yield return Case(["--access-token=" + LongToken], ["--access-token=" + R]);
        yield return Case(["--client-secret", "s3"], ["--client-secret", R]);
        yield return Case(["--password", "hunter2", "list"], ["--password", R, "list"]);
        yield return Case(["--header", "Authorization: Bearer abc"], ["--header", R]);
        yield return Case(["--private-key-file", "id_rsa"], ["--private-key-file", R]);

        // Bare secrets anywhere, flag-free.
        yield return Case([LongToken], [R]);
        yield return Case(["cloudspaces", Jwt], ["cloudspaces", R]);
        yield return Case(["--note", "Bearer abc.def"], ["--note", R]);
        yield return Case(["--", LongToken], ["--", R]);
        yield return Case(["--value=" + LongToken], ["--value=" + R]);
        yield return Case(["-" + LongToken], [R]);
        yield return Case(["-" + LongToken + "=="], [R]);
        yield return Case(["--replicas", "-1"], ["--replicas", "-1"]);

        // k=v and JSON values.
        yield return Case(["api_key=xyz"], ["api_key=" + R]);
        yield return Case(["--labels", "team=web,token=abc"], ["--labels", "team=web,token=" + R]);
        yield return Case(
            ["--body-json", """{"name":"web","refreshToken":"abc","spec":{"password":"p","desired":2},"tags":["a"]}"""],
            ["--body-json", """{"name":"web","refreshToken":"<redacted>","spec":{"password":"<redacted>","desired":2},"tags":["a"]}"""]);
        yield return Case(["--params-json={\"note\":\"" + LongToken + "\"}"], ["--params-json={\"note\":\"<redacted>\"}"]);

        // Connection strings: the flag is secret, and a stray one loses its password.
        yield return Case(["state", "migrate", "--connection", "Host=db;Password=pw"], ["state", "migrate", "--connection", R]);
        yield return Case(["--connection=Host=db;Password=pw"], ["--connection=" + R]);
        yield return Case(["--note", "Host=db;Username=u;Password=pw"], ["--note", "Host=db;Username=u;Password=" + R]);

        // Addresses: --oauth-url contains "auth" but its value is a URL, kept minus credentials.
        yield return Case(["--oauth-url", "https://login.spot.rackspace.com"], ["--oauth-url", "https://login.spot.rackspace.com"]);
        yield return Case(["--oauth-url=https://login.example.com/x?token=abc"], ["--oauth-url=https://login.example.com/x?" + R]);
        yield return Case(["--base-url", "https://user:pw@spot.example.com/"], ["--base-url", "https://" + R + "@spot.example.com/"]);

        // Ordinary values stay readable.
        yield return Case(["--name", "keycloak"], ["--name", "keycloak"]);
        yield return Case(["-p", "prod", "-o", "json", "cloudspaces", "get", "auth-service"], ["-p", "prod", "-o", "json", "cloudspaces", "get", "auth-service"]);
        yield return Case(["--labelSelector", "ngpc.rxt.io/vmcloudspace=vm-a"], ["--labelSelector", "ngpc.rxt.io/vmcloudspace=vm-a"]);
    }

    [TestCaseSource(nameof(Cases))]
    public void Redact_RemovesSecretsAndKeepsTheRest(string[] argv, string[] expected)
    {
        var redacted = HistoryRedactor.Default.Redact(["rsspot", .. argv]);

        Assert.That(redacted, Is.EqualTo(Seq.Of(["rsspot", .. expected])));
    }

    [Test]
    public void Redact_ShortAliasesOfSecretFlags()
    {
        var redactor = new HistoryRedactor(["-t"]);

        Assert.Multiple(() =>
        {
            Assert.That(redactor.Redact(["rsspot", "-t", "abc", "list"]), Is.EqualTo(Seq.Of("rsspot", "-t", R, "list")));
            Assert.That(redactor.Redact(["rsspot", "-t=abc"]), Is.EqualTo(Seq.Of("rsspot", "-t=" + R)));
            Assert.That(redactor.Redact(["rsspot", "-tabc"]), Is.EqualTo(Seq.Of("rsspot", "-t" + R)));
            Assert.That(HistoryRedactor.Default.Redact(["rsspot", "-t", "abc"]), Is.EqualTo(Seq.Of("rsspot", "-t", "abc")));
        });
    }

    [Test]
    public void Redact_DoesNotModifyTheInput()
    {
        string[] argv = ["rsspot", "--refresh-token", "abc"];

        HistoryRedactor.Default.Redact(argv);

        Assert.That(argv[2], Is.EqualTo("abc"));
    }

    [TestCase(LongToken, true)]
    [TestCase(Jwt, true)]
    [TestCase("bearer x", true)]
    [TestCase("Basic dXNlcjpwYXNzd29yZA==", true)]
    [TestCase("basic tier", false)]
    [TestCase("keycloak", false)]
    [TestCase("a-short-cloudspace-name", false)]
    [TestCase("/a/very/long/path/that/is/definitely/longer/than/forty/eight/chars", false)]
    public void LooksSecret_Classifies(string value, bool expected) =>
        Assert.That(HistoryRedactor.LooksSecret(value), Is.EqualTo(expected));

    private static TestCaseData Case(string[] argv, string[] expected) =>
        new TestCaseData(argv, expected).SetArgDisplayNames(string.Join(' ', argv).Replace(LongToken, "<long>", StringComparison.Ordinal));
}
