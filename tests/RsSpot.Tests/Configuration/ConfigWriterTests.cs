using System.Runtime.Versioning;
using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class ConfigWriterTests : TempHomeFixture
{
    [Test]
    public void FailureBeforeTheRenameLeavesTheOriginalIntactAndNoTemporaryFile()
    {
        var path = Path.Combine(Home.Root, "config.yml");
        ConfigWriter.Save(SampleConfigs.Full(), path);
        var before = File.ReadAllBytes(path);
        var changed = SampleConfigs.Full();
        changed.Profiles["prod"].RefreshToken = "replacement";
        string? temporary = null;

        var error = Assert.Throws<SpotConfigurationException>(() => ConfigWriter.Save(changed, path, tmp =>
        {
            temporary = tmp;
            Assert.That(File.ReadAllText(tmp), Does.Contain("replacement"), "the new text is fully written before the rename");
            throw new IOException("disk full (injected)");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(path).And.Contain("disk full"));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
            Assert.That(Path.GetDirectoryName(temporary), Is.EqualTo(Home.Root), "the temporary file lives next to the target");
            Assert.That(File.Exists(temporary), Is.False);
            Assert.That(Directory.GetFiles(Home.Root), Is.EquivalentTo(new[] { path, path + ".lock" }), "only the file and its lock remain");
        });
    }

    [Test]
    public void AFileSavedByHandDuringAnUpdateIsKeptAndTheChangeAppliedOverIt()
    {
        var path = Home.Write("config.yml", "profiles:\n  prod:\n    region: uk-lon-1\n");
        var runs = 0;

        var saved = ConfigWriter.Update(path, config =>
        {
            if (runs++ == 0)
            {
                // An editor (which takes no lock) saves between rsspot's read and its rename.
                File.WriteAllText(path, "profiles:\n  prod:\n    region: uk-lon-1\n  edited:\n    region: by-hand\n");
            }

            config.Profiles["added"] = new ProfileConfig { Region = "by-rsspot" };
        });

        var onDisk = ConfigSerializer.ReadFile(path);
        Assert.Multiple(() =>
        {
            Assert.That(runs, Is.EqualTo(2), "the change is applied again over the edited file");
            Assert.That(onDisk.Profiles.Keys, Is.EqualTo(new[] { "prod", "edited", "added" }));
            Assert.That(saved.Profiles.Keys, Is.EqualTo(onDisk.Profiles.Keys));
            Assert.That(Directory.GetFiles(Home.Root), Is.EquivalentTo(new[] { path, path + ".lock" }), "no temporary file left");
        });
    }

    [Test]
    public void AFileThatKeepsChangingIsNeverOverwritten()
    {
        var path = Home.Write("config.yml", "profiles:\n  prod:\n    region: r0\n");
        var runs = 0;

        var error = Assert.Throws<SpotConfigurationException>(() => ConfigWriter.Update(path, config =>
        {
            File.WriteAllText(path, $"profiles:\n  prod:\n    region: r{++runs}\n");
            config.Profiles["added"] = new ProfileConfig();
        }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo($"config file '{path}' kept changing while rsspot was updating it; nothing was written, try again"));
            Assert.That(runs, Is.EqualTo(5));
            Assert.That(File.ReadAllText(path), Is.EqualTo("profiles:\n  prod:\n    region: r5\n"), "the last hand edit stands");
        });
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void ASymlinkedFileIsWrittenWhereItPointsAndStaysALink()
    {
        var dotfiles = Directory.CreateDirectory(Path.Combine(Home.Root, "dotfiles")).FullName;
        var target = Path.Combine(dotfiles, "rsspot.yml");
        File.WriteAllText(target, "profiles:\n  prod:\n    region: uk-lon-1\n");
        var link = Path.Combine(Home.Root, "config.yml");
        File.CreateSymbolicLink(link, Path.Combine("dotfiles", "rsspot.yml"));

        ConfigWriter.Save(SampleConfigs.Full(), link);

        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(Path.Combine("dotfiles", "rsspot.yml")), "still the user's link");
            Assert.That(ConfigSerializer.ReadFile(target).Profiles["prod"].RefreshToken, Is.EqualTo(SampleConfigs.Full().Profiles["prod"].RefreshToken));
            Assert.That(File.GetUnixFileMode(target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(Directory.GetFiles(dotfiles), Is.EqualTo(new[] { target }), "no temporary file left beside the target");
        });
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void TemporaryFileIsPrivateFromCreation()
    {
        var path = Path.Combine(Home.Root, "config.json");
        UnixFileMode? modeBeforeRename = null;

        ConfigWriter.Save(SampleConfigs.Full(), path, tmp => modeBeforeRename = File.GetUnixFileMode(tmp));

        Assert.Multiple(() =>
        {
            Assert.That(modeBeforeRename, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        });
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void OverwritingAWorldReadableFileMakesItPrivate()
    {
        var path = Home.Write("config.toml", "version = \"2\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        ConfigWriter.Save(SampleConfigs.Full(), path);

        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void MissingDirectoriesAreCreated()
    {
        var path = Path.Combine(Home.Root, "a", "b", "config.yaml");

        ConfigWriter.Save(new SpotConfig { DefaultProfile = "x" }, path);

        Assert.That(ConfigSerializer.ReadFile(path).DefaultProfile, Is.EqualTo("x"));
    }

    [Test]
    public void UnknownExtensionIsRefused()
    {
        var path = Path.Combine(Home.Root, "config.ini");

        var error = Assert.Throws<SpotConfigurationException>(() => ConfigWriter.Save(new SpotConfig(), path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(".ini"));
            Assert.That(File.Exists(path), Is.False);
        });
    }

    [Test]
    public void AHeldLockMakesAnotherWriterWaitThenFailNamingTheFile()
    {
        var path = Path.Combine(Home.Root, "config.yml");

        using (RsSpot.Internal.IO.FileLock.Acquire(path + ".lock", TimeSpan.FromSeconds(1)))
        {
            var error = Assert.Throws<IOException>(() => RsSpot.Internal.IO.FileLock.Acquire(path + ".lock", TimeSpan.FromMilliseconds(200)));
            Assert.That(error!.Message, Does.Contain(path + ".lock").And.Contain("locked by another rsspot process"));
        }

        Assert.DoesNotThrow(() => RsSpot.Internal.IO.FileLock.Acquire(path + ".lock", TimeSpan.FromMilliseconds(200)).Dispose(), "released with its holder");
    }

    [Test]
    public void InvalidValuesAreRefusedBeforeAnythingIsWritten()
    {
        var path = Path.Combine(Home.Root, "config.yml");
        var config = new SpotConfig();
        config.Profiles["p"] = new ProfileConfig { RequestTimeoutSeconds = -1 };

        var error = Assert.Throws<SpotConfigurationException>(() => ConfigWriter.Save(config, path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("profiles.p.request_timeout_seconds"));
            Assert.That(File.Exists(path), Is.False);
        });
    }
}
