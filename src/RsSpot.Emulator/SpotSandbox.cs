namespace RsSpot.Emulator;

/// <summary>
/// Sandbox mode of the RsSpot SDK. With this package installed, <c>new SpotClientOptions { Sandbox = true }</c>
/// (or the CLI's <c>--sandbox</c>) answers every request with an emulator whose world persists in
/// <see cref="FileName"/> beside state.db. The SDK does not reference this package: it loads this class by name, so
/// the names and the signature of <see cref="CreateHandler"/> are a contract between the two packages.
/// </summary>
public static class SpotSandbox
{
    /// <summary>The refresh token a sandbox client authenticates with (never the user's real credentials).</summary>
    public const string RefreshToken = SpotEmulator.SandboxRefreshToken;

    /// <summary>Name of the sandbox's sqlite file, kept in the state directory.</summary>
    public const string FileName = "sandbox.db";

    /// <summary>Creates the transport of a sandbox client: an in-process emulator behind an <see cref="HttpMessageHandler"/>.</summary>
    /// <param name="stateDirectory">Folder of state.db, where the sandbox keeps <see cref="FileName"/>; null keeps the world in memory.</param>
    /// <param name="clock">Clock of the client, so lifecycles follow a test's fake time.</param>
    /// <param name="provisioningDelay">How long a new cloudspace stays Provisioning before it turns Ready.</param>
    /// <param name="notice">Told once, in one line, when an unreadable sandbox.db was moved aside and a fresh world started.</param>
    /// <returns>A handler the caller disposes.</returns>
    public static HttpMessageHandler CreateHandler(string? stateDirectory, TimeProvider clock, TimeSpan provisioningDelay, Action<string>? notice)
    {
        var emulator = new SpotEmulator(new SpotEmulatorOptions
        {
            Clock = clock,
            ProvisioningDelay = provisioningDelay,
            StatePath = stateDirectory is null ? null : Path.Combine(stateDirectory, FileName),
        });
        if (emulator.RecoveryNotice is { } recovered)
        {
            notice?.Invoke(recovered);
        }

        return emulator.CreateHandler();
    }
}
