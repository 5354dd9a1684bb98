using System.Net;
using Cocona;
using RsSpot.Cli.Events;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot webhook serve</c>: receives the pre-emption notices Spot POSTs to a cloudspace's webhook
/// (<c>cloudspaces create|update --webhook URL</c>), records them as <c>preemption-notice</c> events, prints them and
/// runs <c>--exec</c> per event (a drain script). SIGTERM or Ctrl+C stops it after the requests in flight.
/// </summary>
internal sealed class WebhookCommands(CliContext context)
{
    private const int MaxBodyLimit = 1024 * 1024;

    [Command("serve", Description = "Receive pre-emption notices on a port, record them as events, print them and run --exec per event")]
    public async Task<int> Serve(
        [Option("port", Description = "TCP port (0 picks a free one)")] int port = 8080,
        [Option("address", Description = "Address to listen on (0.0.0.0 to accept notices from other hosts)")] string address = "127.0.0.1",
        [Option("path", Description = "Path notices are POSTed to (other paths get 404)")] string path = "/",
        [Option("max-body", Description = "Largest body accepted, in bytes (larger ones get 413)")] int maxBody = 64 * 1024,
        [Option("exec", Description = "Shell command run per event, with the event as JSON on stdin")] string? exec = null,
        [Option("exec-timeout", Description = "Longest run of one --exec command")] string execTimeout = "60s")
    {
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"invalid --port {port}: use 0-65535");
        }

        if (!IPAddress.TryParse(address, out var listenOn))
        {
            throw new UsageException($"invalid --address '{address}': use an IP address such as 127.0.0.1 or 0.0.0.0");
        }

        if (!path.StartsWith('/'))
        {
            throw new UsageException($"invalid --path '{path}': it must start with '/'");
        }

        if (maxBody is < 1 or > MaxBodyLimit)
        {
            throw new UsageException($"invalid --max-body {maxBody}: use 1 to {MaxBodyLimit} bytes");
        }

        var hook = exec is null ? null : new EventHook(context, exec, OptionValues.Duration(execTimeout, "exec-timeout"));
        var stream = new EventStream(context);
        var state = context.State;
        var settings = new WebhookSettings(listenOn, port, path, maxBody, context.Identity.Profile);
        await using (var receiver = await WebhookReceiver.StartAsync(settings, state.Events, state.Clock, context.CancellationToken).ConfigureAwait(false))
        {
            context.Output.Note($"listening on {receiver.Address}, recording notices in {state.Path}; point a cloudspace at it with 'rsspot cloudspaces update NAME --webhook URL' (Ctrl+C to stop)");
            try
            {
                await foreach (var spotEvent in receiver.Accepted.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
                {
                    stream.Write(spotEvent);
                    if (hook is not null)
                    {
                        await hook.RunAsync(spotEvent, context.CancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                // A signal is how serving ends: the receiver stops after the requests in flight (disposed here).
            }
        }

        context.Output.Note($"stopped: {context.Environment.Interruption.Description}");
        return context.Environment.Interruption.ExitCode;
    }
}
