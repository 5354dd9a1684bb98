using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Emulator;
using RsSpot.Emulator.Server;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot emulator serve</c>: the Spot emulator as a real HTTP server on loopback.</summary>
internal sealed class EmulatorCommands(CliContext context)
{
    [Command("serve", Description = "Serve the Spot emulator on 127.0.0.1 until interrupted (Ctrl+C) or terminated (SIGTERM)")]
    public async Task<int> Serve(
        [Option("port", Description = "TCP port (0 picks a free one)")] int port = 0,
        [Option("state", Description = "sqlite file that keeps the emulator's state between runs (default: in memory)")] string? state = null,
        [Option("provisioning-delay", Description = "Seconds a new cloudspace stays Provisioning")] double provisioningDelay = 30)
    {
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"invalid port {port}: use 0-65535");
        }

        var emulator = new SpotEmulator(new SpotEmulatorOptions { StatePath = state, ProvisioningDelay = TimeSpan.FromSeconds(Math.Max(0, provisioningDelay)) });
        await using var server = await SpotEmulatorServer.StartAsync(emulator, port, context.CancellationToken).ConfigureAwait(false);
        context.Output.Write(new
        {
            BaseUrl = server.BaseAddress.ToString(),
            RefreshToken = SpotEmulator.SandboxRefreshToken,
            Hint = $"rsspot configure --base-url {server.BaseAddress} --oauth-url {server.BaseAddress} --refresh-token {SpotEmulator.SandboxRefreshToken}",
        });
        context.Output.Note("serving; press Ctrl+C (or send SIGTERM) to stop");
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A signal is the normal way to stop serving: the server is disposed (connections drained, state
            // flushed) before the conventional exit code of that signal is returned.
        }

        context.Output.Note("stopping");
        return context.Environment.Interruption.ExitCode;
    }
}
