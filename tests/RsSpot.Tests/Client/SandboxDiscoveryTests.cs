using RsSpot.Internal;

namespace RsSpot.Tests.Client;

/// <summary>The SDK finds the optional emulator package's sandbox by name, and says how to install it when it is missing.</summary>
public class SandboxDiscoveryTests
{
    [Test]
    public void The_emulator_package_provides_the_entry_point_the_sdk_loads()
    {
        var (create, refreshToken) = SandboxTransport.Discover(SandboxTransport.EntryPoint);
        using var handler = create(null, TimeProvider.System, TimeSpan.Zero);

        Assert.That(refreshToken, Is.EqualTo(Emulator.SpotEmulator.SandboxRefreshToken));
        Assert.That(handler, Is.Not.Null);
    }

    [Test]
    public void Without_the_emulator_package_sandbox_mode_names_the_package_to_install()
    {
        var error = Assert.Throws<SpotConfigurationException>(() => SandboxTransport.Discover("RsSpot.Emulator.SpotSandbox, RsSpot.Emulator.Missing"));

        Assert.That(error!.Message, Is.EqualTo("sandbox mode needs the RsSpot.Emulator package: dotnet add package RsSpot.Emulator"));
    }

    [Test]
    public void An_emulator_without_a_compatible_entry_point_asks_for_matching_versions()
    {
        var error = Assert.Throws<SpotConfigurationException>(() => SandboxTransport.Discover(typeof(Emulator.SpotEmulator).AssemblyQualifiedName!));

        Assert.That(error!.Message, Does.Contain("install the RsSpot.Emulator version matching RsSpot"));
    }
}
