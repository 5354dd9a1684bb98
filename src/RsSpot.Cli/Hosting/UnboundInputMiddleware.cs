using Cocona.Application;
using Cocona.Command.Dispatcher;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Hosting;

/// <summary>
/// Refuses what no parameter of the command takes, before it runs: an unknown option (with the command's options of a
/// close spelling) and a positional argument past the last one. Cocona binds arguments by position and drops the
/// rest without a word: <c>rsspot cloudspaces delete a b --yes</c> would delete <c>a</c> and leave the user believing
/// <c>b</c> was deleted too.
/// </summary>
internal sealed class UnboundInputMiddleware(CommandDispatchDelegate next, ICoconaConsoleProvider console) : CommandDispatcherMiddleware(next)
{
    public override ValueTask<int> DispatchAsync(CommandDispatchContext ctx)
    {
        var (command, parsed) = (ctx.Command, ctx.ParsedCommandLine);
        if (parsed.UnknownOptions is [var unknown, ..])
        {
            var similar = Spelling.Closest(unknown, command.Options.Select(option => option.Name)).Select(Dashed).ToList();
            console.Error.WriteLine($"unknown option {Dashed(unknown)}{(similar.Count > 0 ? $" (did you mean {string.Join(", ", similar)}?)" : " (see --help)")}");
            return ValueTask.FromResult(ExitCodes.Usage);
        }

        var accepted = command.Arguments.Any(argument => argument.IsEnumerableLike) ? int.MaxValue : command.Arguments.Count;
        if (parsed.Arguments.Count > accepted)
        {
            var extra = parsed.Arguments[accepted].Value;
            console.Error.WriteLine(accepted == 0
                ? $"'{command.Name}' takes no arguments, got '{extra}' (see --help)"
                : $"unexpected argument '{extra}': '{command.Name}' takes {accepted} ({string.Join(", ", command.Arguments.Select(a => $"<{a.Name}>"))})");
            return ValueTask.FromResult(ExitCodes.Usage);
        }

        return Next(ctx);
    }

    private static string Dashed(string name) => name.Length == 1 ? $"-{name}" : $"--{name}";
}
