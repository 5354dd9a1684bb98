using RsSpot.Configuration;
using RsSpot.State;

namespace RsSpot.Tests.State;

public sealed class StatePreferencesTests
{
    [Test]
    public void SetGetUnsetList_RoundTrip()
    {
        using var store = StateStore.OpenInMemory();
        var prefs = store.Preferences;
        prefs.Set(PreferenceKeys.DefaultProfile, "prod");
        prefs.Set(PreferenceKeys.ProfileRegion("prod"), "us-central-dfw-1");
        prefs.Set(PreferenceKeys.ProfileOrg("prod"), "acme");
        prefs.Set(PreferenceKeys.ProfileOrg("prod"), "  acme-2 ");

        Assert.Multiple(() =>
        {
            Assert.That(prefs.GetPreference("default_profile"), Is.EqualTo("prod"));
            Assert.That(prefs.Get("profile_org:prod"), Is.EqualTo("acme-2"), "a second set replaces and trims");
            Assert.That(prefs.List().Keys, Is.EqualTo(Seq.Of("default_profile", "profile_org:prod", "profile_region:prod")));
            Assert.That(prefs.Unset(PreferenceKeys.DefaultProfile), Is.True);
            Assert.That(prefs.Unset(PreferenceKeys.DefaultProfile), Is.False);
            Assert.That(prefs.Get(PreferenceKeys.DefaultProfile), Is.Null);
        });
    }

    [TestCase("default-org")]
    [TestCase("profile_org:")]
    [TestCase("refresh_token")]
    public void Set_UnknownKey_IsRejectedWithTheValidKeys(string key)
    {
        using var store = StateStore.OpenInMemory();

        var error = Assert.Throws<ArgumentException>(() => store.Preferences.Set(key, "x"));

        Assert.That(error!.Message, Does.Contain($"unknown preference '{key}'").And.Contain("default_org"));
    }

    [Test]
    public void Set_BlankValue_IsRejected()
    {
        using var store = StateStore.OpenInMemory();

        Assert.Throws<ArgumentException>(() => store.Preferences.Set(PreferenceKeys.DefaultOrg, " "));
    }
}
