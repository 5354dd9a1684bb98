namespace RsSpot.Emulator.Tests.Support;

/// <summary>
/// Base of the fixtures that run once per <see cref="Support.Transport"/>: each test gets a fresh emulator and a
/// logged-in client (or what <see cref="PrepareAsync"/> makes of it).
/// </summary>
public abstract class TransportFixture(Transport transport)
{
    protected Transport Transport => transport;

    private protected EmulatorHost Host { get; private set; } = null!;

    private protected SpotTestClient Client => Host.Client;

    /// <summary>The options of each test's emulator; null for the defaults of <see cref="EmulatorHost"/>.</summary>
    protected virtual SpotEmulatorOptions? Options => null;

    [SetUp]
    public async Task StartHostAsync()
    {
        Host = await EmulatorHost.StartAsync(transport, Options);
        await PrepareAsync();
    }

    [TearDown]
    public async Task StopHostAsync() => await Host.DisposeAsync();

    /// <summary>Runs after the emulator has started; logs in by default.</summary>
    protected virtual Task PrepareAsync() => Client.LoginAsync();
}
