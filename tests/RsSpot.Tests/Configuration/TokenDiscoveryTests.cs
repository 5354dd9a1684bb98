using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

/// <summary>
/// The refresh token is also found under the names other Spot tools use, at the lowest precedence: below the profile,
/// never over what RsSpot was told; <c>config info --resolved</c> names the variable.
/// </summary>
[TestFixture]
public sealed class TokenDiscoveryTests
{
    private TempHome _home = null!;

    [SetUp]
    public void SetUp() => _home = new TempHome();

    [TearDown]
    public void TearDown() => _home.Dispose();

    [TestCase("SPOT_REFRESH_TOKEN")]
    [TestCase("RACKSPACE_SPOT_REFRESH_TOKEN")]
    [TestCase("RACKSPACE_REFRESH_TOKEN")]
    [TestCase("RACKSPACE_SPOT_TOKEN")]
    public void Each_other_tools_variable_supplies_the_token_when_nothing_else_does(string variable)
    {
        _home.Variables[variable] = "from-" + variable;

        var resolved = Resolve("profiles:\n  default:\n    region: r\n");

        Assert.That((resolved.RefreshToken, resolved.Sources["refresh_token"]), Is.EqualTo(("from-" + variable, $"env:{variable}")));
    }

    [Test]
    public void The_profile_wins_over_other_tools_variables_and_RSSPOT_REFRESH_TOKEN_over_the_profile()
    {
        _home.Variables["SPOT_REFRESH_TOKEN"] = "other-tool";
        const string Config = "profiles:\n  default:\n    refresh_token: profile-token\n";

        var fromProfile = Resolve(Config);
        _home.Variables["RSSPOT_REFRESH_TOKEN"] = "ours";
        var fromOurVariable = Resolve(Config);

        Assert.Multiple(() =>
        {
            Assert.That((fromProfile.RefreshToken, fromProfile.Sources["refresh_token"]), Is.EqualTo(("profile-token", "profile:default")));
            Assert.That((fromOurVariable.RefreshToken, fromOurVariable.Sources["refresh_token"]), Is.EqualTo(("ours", "env:RSSPOT_REFRESH_TOKEN")));
        });
    }

    [Test]
    public void The_first_of_the_other_tools_variables_wins_and_the_source_is_shown_without_the_secret()
    {
        _home.Variables["RACKSPACE_SPOT_TOKEN"] = "last";
        _home.Variables["RACKSPACE_SPOT_REFRESH_TOKEN"] = "second";

        var described = Resolve("profiles:\n  default:\n    region: r\n").Describe();
        var token = (IDictionary<string, object?>)described["refresh_token"]!;

        Assert.That((token["value"], token["source"]), Is.EqualTo(((object?)ConfigRedactor.Placeholder, (object?)"env:RACKSPACE_SPOT_REFRESH_TOKEN")));
    }

    private ResolvedSettings Resolve(string config)
    {
        _home.Write(".config/rsspot/config.yml", config);
        return ConfigResolver.Resolve(_home.Load(), null, null, _home.Environment);
    }
}
