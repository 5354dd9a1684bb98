using System.ComponentModel;
using System.Diagnostics;
using Newtonsoft.Json;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Output;
using RsSpot.Models;

namespace RsSpot.Cli.Events;

/// <summary>
/// <c>--exec CMD</c> of <c>watch</c> and <c>webhook serve</c>: runs CMD through the shell once per event, in order, with
/// the event as one JSON line on stdin and its type, cloudspace, pool and server in <c>RSSPOT_EVENT_*</c> variables.
/// The hook's own output goes to stderr (stdout stays the event stream). A hook that fails or outlasts its timeout
/// is reported as a warning and the next event goes on; Ctrl+C or SIGTERM stops it with the run.
/// </summary>
internal sealed class EventHook(CliContext context, string command, TimeSpan timeout)
{
    public async Task RunAsync(SpotEvent spotEvent, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd.exe" : "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(OperatingSystem.IsWindows() ? "/c" : "-c");
        start.ArgumentList.Add(command);
        start.Environment["RSSPOT_EVENT_ID"] = spotEvent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RSSPOT_EVENT_TYPE"] = spotEvent.Type;
        start.Environment["RSSPOT_EVENT_CLOUDSPACE"] = spotEvent.CloudSpace ?? "";
        start.Environment["RSSPOT_EVENT_POOL"] = spotEvent.Pool ?? "";
        start.Environment["RSSPOT_EVENT_SERVER"] = spotEvent.Server ?? "";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process was started");
        }
        catch (Win32Exception e)
        {
            context.Warn($"--exec could not start '{command}': {e.Message}");
            return;
        }

        using (process)
        {
            var output = ForwardAsync(process.StandardOutput);
            var errors = ForwardAsync(process.StandardError);
            try
            {
                await process.StandardInput.WriteLineAsync(JsonView.From(spotEvent).ToString(Formatting.None)).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The hook need not read its stdin.
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                context.Warn($"--exec '{command}' was stopped after {timeout.TotalSeconds:0.#}s on event {spotEvent.Id} ({spotEvent.Type})");
                return;
            }
            finally
            {
                await Task.WhenAll(output, errors).ConfigureAwait(false);
            }

            if (process.ExitCode != 0)
            {
                context.Warn($"--exec '{command}' exited {process.ExitCode} on event {spotEvent.Id} ({spotEvent.Type})");
            }
        }
    }

    private async Task ForwardAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            context.Environment.Error.WriteLine(line);
        }
    }
}
