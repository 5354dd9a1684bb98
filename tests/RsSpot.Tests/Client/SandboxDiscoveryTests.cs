using RsSpot.Internal;

namespace RsSpot.Tests.Client;

/// <summary>The SDK finds the optional emulator package's sandbox by name, and says how to install it when it is missing.</summary>
public class SandboxDiscoveryTests
{
    [Test]
    public void The_emulator_package_provides_the_entry_point_the_sdk_loads()
    {
        var (create, refreshToken) = SandboxTransport.Discover(SandboxTransport.EntryPoint);
        using var handler = create(null, TimeProvider.System, TimeSpan.Zero, notice: null);

        Assert.That(refreshToken, Is.EqualTo(Emulator.SpotEmulator.SandboxRefreshToken));
        Assert.That(handler, Is.Not.Null);
    }

    [Test]
    public void An_unreadable_sandbox_db_is_moved_aside_and_the_caller_is_told_once()
    {
        var directory = Directory.CreateTempSubdirectory("rsspot-sandbox-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "sandbox.db"), "not a database");
            var notices = new List<string>();

            using var handler = SandboxTransport.Create(directory, TimeProvider.System, TimeSpan.Zero, notices.Add);

            Assert.Multiple(() =>
            {
                Assert.That(notices, Has.Count.EqualTo(1));
                Assert.That(notices[0], Does.Contain("could not be read").And.Contain("sandbox.db.corrupt-"));
                Assert.That(Directory.GetFiles(directory, "sandbox.db.corrupt-*"), Has.Length.EqualTo(1), "kept, never deleted");
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void A_directory_in_place_of_sandbox_db_is_a_configuration_error_naming_it()
    {
        var directory = Directory.CreateTempSubdirectory("rsspot-sandbox-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "sandbox.db"));

            var error = Assert.Throws<SpotConfigurationException>(() => SandboxTransport.Create(directory, TimeProvider.System, TimeSpan.Zero));

            Assert.That(error!.Message, Does.StartWith("cannot open the sandbox:").And.Contain("sandbox.db' is a directory"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
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
