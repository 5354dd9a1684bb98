using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class ConfigRedactorTests
{
    [TestCase("refresh_token")]
    [TestCase("refreshToken")]
    [TestCase("client_secret")]
    [TestCase("PASSWORD")]
    [TestCase("ssh_passphrase")]
    [TestCase("private_key")]
    [TestCase("privateKey")]
    [TestCase("private-key")]
    [TestCase("service_account_key")]
    [TestCase("ca_cert")]
    [TestCase("Authorization")]
    [TestCase("extra_headers")]
    [TestCase("session_cookie")]
    [TestCase("id_jwt")]
    [TestCase("request_signature")]
    public void SecretKeysAreRecognised(string key) => Assert.That(ConfigRedactor.IsSecretKey(key), Is.True);

    [TestCase("org")]
    [TestCase("region")]
    [TestCase("base_url")]
    [TestCase("client_id")]
    [TestCase("max_entries")]
    public void OrdinaryKeysAreNotSecret(string key) => Assert.That(ConfigRedactor.IsSecretKey(key), Is.False);

    [Test]
    public void RedactionIsRecursiveAndLeavesTheInputAlone()
    {
        // Unknown keys are kept on save, so they are redacted too, at any depth.
        var config = new SpotConfig();
        config.ExtraKeys["org"] = "acme";
        config.ExtraKeys["nested"] = new Dictionary<string, object?>
        {
            ["api_token"] = "t-1",
            ["list"] = new List<object?> { new Dictionary<string, object?> { ["cookie"] = "c-1", ["name"] = "n" } },
            ["empty_secret"] = null,
        };

        var redacted = ConfigRedactor.Redact(config);
        var nested = (IDictionary<string, object?>)redacted["nested"]!;
        var item = (IDictionary<string, object?>)((IList<object?>)nested["list"]!)[0]!;

        Assert.Multiple(() =>
        {
            Assert.That(redacted["org"], Is.EqualTo("acme"));
            Assert.That(nested["api_token"], Is.EqualTo(ConfigRedactor.Placeholder));
            Assert.That(item["cookie"], Is.EqualTo(ConfigRedactor.Placeholder));
            Assert.That(item["name"], Is.EqualTo("n"));
            Assert.That(nested["empty_secret"], Is.Null, "an unset secret stays visibly unset");
            Assert.That(((IDictionary<string, object?>)config.ExtraKeys["nested"]!)["api_token"], Is.EqualTo("t-1"));
        });
    }

    [Test]
    public void RedactedConfigHidesEveryTokenButKeepsTheRest()
    {
        var config = SampleConfigs.Full();

        var text = Newtonsoft.Json.JsonConvert.SerializeObject(ConfigRedactor.Redact(config));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(SampleConfigs.RefreshToken));
            Assert.That(text, Does.Not.Contain(SampleConfigs.AccessToken));
            Assert.That(text, Does.Not.Contain("dev-token"));
            Assert.That(text, Does.Contain("sparkai").And.Contain(ConfigRedactor.Placeholder));
        });
    }
}
