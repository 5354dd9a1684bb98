using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Progress;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot cache stats|clear</c>: the HTTP response cache in state.db.</summary>
internal sealed class CacheCommands(CliContext context)
{
    [Command("stats", Description = "Entries, size, and hits/misses since the last clear")]
    public void Stats() => context.Output.Write(context.MaintainedState.HttpCache.GetStats());

    [Command("clear", Description = "Drop every cached response (asks first; --yes when not on a terminal)")]
    public void Clear([Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false)
    {
        context.Confirm("drop every cached API response?", yes);
        int removed;
        using (Activity.Start(context.Environment, "clearing the response cache"))
        {
            removed = context.MaintainedState.HttpCache.Clear();
        }

        context.Acknowledge($"cleared the response cache ({removed} entries)", new { Cleared = removed });
    }
}
