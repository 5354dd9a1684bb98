using RsSpot.Emulator;

namespace RsSpot.Tests.Operator;

/// <summary>whoami, the three forms of an organization, and the id_token the kube-token helper hands out.</summary>
public class IdentityTests(bool isAsync) : OperatorTestBase(isAsync)
{
    [TestCase("acme-corp")]
    [TestCase(SpotEmulator.DefaultOrganizationId)]
    [TestCase("org-xy3kq9lmn2pr7stu")]
    public async Task The_organization_may_be_named_by_name_id_or_namespace(string org)
    {
        var options = Sandbox();
        options.Org = org;
        UseClient(options);

        var identity = await Call(() => Client.WhoAmIAsync(default));
        var cloudSpaces = await Call(() => Client.CloudSpaces.ListAsync(null, default));

        Assert.Multiple(() =>
        {
            Assert.That(identity.Organization.Name, Is.EqualTo("acme-corp"));
            Assert.That(identity.Organization.Id, Is.EqualTo(SpotEmulator.DefaultOrganizationId));
            Assert.That(identity.Organization.Namespace, Is.EqualTo(Namespace));
            Assert.That(identity.OrganizationSource, Is.EqualTo("argument"));
            Assert.That(cloudSpaces, Is.Empty);
        });
    }

    [Test]
    public async Task WhoAmI_names_profile_endpoint_token_expiry_and_sources_without_secrets()
    {
        var identity = await Call(() => Client.WhoAmIAsync(default));
        var token = await Call(() => Client.GetIdTokenAsync(default));

        Assert.Multiple(() =>
        {
            Assert.That(identity.Profile, Is.EqualTo("default"));
            Assert.That(identity.OrganizationSource, Is.EqualTo("token"), "no org is configured: the token's org_id is used");
            Assert.That(identity.ApiEndpoint, Does.StartWith("https://"));
            Assert.That(identity.RefreshTokenSource, Is.EqualTo("sandbox"));
            Assert.That(identity.TokenExpiresAt, Is.EqualTo(token.ExpiresAt));
            Assert.That(identity.ToString(), Does.Not.Contain(token.Value).And.Not.Contain(SpotEmulator.SandboxRefreshToken));
            Assert.That(token.ToString(), Does.Not.Contain(token.Value));
        });
    }

    [Test]
    public async Task The_id_token_is_reused_until_it_nears_expiry_then_renewed()
    {
        var first = await Call(() => Client.GetIdTokenAsync(default));
        var again = await Call(() => Client.GetIdTokenAsync(default));
        UseClient(Sandbox()); // another process: it reads the token cache in state.db
        var fromCache = await Call(() => Client.GetIdTokenAsync(default));
        var exchangesOfSecondClient = Client.Core.Tokens.ExchangeCount;
        Clock.Advance(first.ExpiresAt - Clock.GetUtcNow() - TimeSpan.FromSeconds(30));
        var renewed = await Call(() => Client.GetIdTokenAsync(default));

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(fromCache, Is.EqualTo(first));
            Assert.That(exchangesOfSecondClient, Is.Zero, "the second client took the cached token");
            Assert.That(renewed.Value, Is.Not.EqualTo(first.Value));
            Assert.That(renewed.ExpiresAt, Is.GreaterThan(first.ExpiresAt));
        });
    }
}
