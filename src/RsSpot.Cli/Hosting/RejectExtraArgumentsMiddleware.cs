using Cocona.Application;
using Cocona.Command.Dispatcher;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Hosting;

/// <summary>
/// Refuses a positional argument no parameter takes, as Cocona refuses an unknown option. Cocona binds arguments by
/// position and drops the rest without a word: <c>rsspot cloudspaces delete a b --yes</c> would delete <c>a</c> and
/// leave the user believing <c>b</c> was deleted too.
/// </summary>
internal sealed class RejectExtraArgumentsMiddleware(CommandDispatchDelegate next, ICoconaConsoleProvider console) : CommandDispatcherMiddleware(next)
{
    public override ValueTask<int> DispatchAsync(CommandDispatchContext ctx)
    {
        var accepted = ctx.Command.Arguments.Any(argument => argument.IsEnumerableLike) ? int.MaxValue : ctx.Command.Arguments.Count;
        if (ctx.ParsedCommandLine.Arguments.Count > accepted)
        {
            var extra = ctx.ParsedCommandLine.Arguments[accepted].Value;
            console.Error.WriteLine(accepted == 0
                ? $"'{ctx.Command.Name}' takes no arguments, got '{extra}'"
                : $"unexpected argument '{extra}': '{ctx.Command.Name}' takes {accepted} ({string.Join(", ", ctx.Command.Arguments.Select(a => $"<{a.Name}>"))})");
            return ValueTask.FromResult(ExitCodes.Usage);
        }

        return Next(ctx);
    }
}
