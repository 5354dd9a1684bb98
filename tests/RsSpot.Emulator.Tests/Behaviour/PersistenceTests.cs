using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Behaviour;

/// <summary>Sandbox mode: state in a sqlite file survives the emulator and is shared between instances.</summary>
public sealed class PersistenceTests
{
    private string _directory = null!;
    private string _statePath = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "rsspot-emulator-" + Guid.NewGuid().ToString("N"));
        _statePath = Path.Combine(_directory, "sandbox.db");
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task A_cloudspace_created_by_one_emulator_is_listed_by_the_next_one_on_the_same_file()
    {
        await using (var first = await StartAsync())
        {
            await first.Client.LoginAsync();
            Assert.That((await first.Client.CreateCloudspaceAsync("demo")).Status, Is.EqualTo(201));
        }

        await using var second = await StartAsync();
        await second.Client.LoginAsync();
        var list = (await second.Client.GetAsync(SpotTestClient.Cloudspaces)).Json;

        Assert.That(list["items"]!.Select(i => i["metadata"]!.Value<string>("name")), Is.EqualTo(new[] { "demo" }));
    }

    [Test]
    public async Task Two_live_emulators_share_state_tokens_and_token_expiry()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();
        second.Client.IdToken = await first.Client.LoginAsync();

        await first.Client.CreateCloudspaceAsync("demo");
        Assert.That((await second.Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Status, Is.EqualTo(200));
        Assert.That((await second.Client.CreateCloudspaceAsync("demo")).Status, Is.EqualTo(409));

        first.Emulator.ExpireAllTokens();
        Assert.That((await second.Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Reset_rewrites_the_file_with_the_seed()
    {
        await using var first = await StartAsync();
        await first.Client.LoginAsync();
        await first.Client.CreateCloudspaceAsync("demo");

        first.Emulator.Reset();

        await using var second = await StartAsync();
        await second.Client.LoginAsync();
        Assert.That((await second.Client.GetAsync(SpotTestClient.Cloudspaces)).Json["items"], Is.Empty);
        Assert.That((await second.Client.GetAsync($"apis/ngpc.rxt.io/v1/namespaces/{SpotTestClient.Namespace}/vmcloudspaces")).Json["items"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task The_state_file_is_readable_by_its_owner_only()
    {
        await using var host = await StartAsync();
        Assume.That(OperatingSystem.IsWindows(), Is.False);

        Assert.That(OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(_statePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    private Task<EmulatorHost> StartAsync() =>
        EmulatorHost.StartAsync(Transport.InProcess, new SpotEmulatorOptions { ProvisioningDelay = TimeSpan.Zero, StatePath = _statePath });
}
