using System.Reflection;
using Cocona;
using RsSpot.Cli.Commands;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Hosting;

/// <summary>
/// Where the command path of an invocation leads, found from the <see cref="HasSubCommandsAttribute"/>s alone:
/// the innermost group named (<c>nodepools spot</c>) and the arguments left for it. Only that group's commands are
/// then built (by Cocona, or for help), not the whole tree.
/// </summary>
internal sealed record CommandRoute(Type GroupType, string Path, string? Description, IReadOnlyList<string> Rest)
{
    public static CommandRoute Resolve(IReadOnlyList<string> args)
    {
        var route = new CommandRoute(typeof(RootCommands), "rsspot", CommandTree.RootDescription, args);
        while (route.Rest is [var word, ..] && !word.StartsWith('-')
            && route.GroupType.GetCustomAttributes<HasSubCommandsAttribute>().FirstOrDefault(a => a.CommandName == word) is { } group)
        {
            route = new CommandRoute(group.Type, $"{route.Path} {word}", group.Description, route.Rest.Skip(1).ToList());
        }

        return route;
    }

    /// <summary>Whether -h/--help appears among the arguments (before any <c>--</c>).</summary>
    public bool AsksForHelp => Rest.TakeWhile(a => a != "--").Any(a => a is "-h" or "--help");

    /// <summary>The node help describes: the command named after the group, else the group itself.</summary>
    public CommandNode HelpNode()
    {
        var group = CommandTree.Group(GroupType, Path, Description);
        var word = Rest.FirstOrDefault(a => !a.StartsWith('-'));
        return group.Children.FirstOrDefault(c => c.Name == word && !c.IsGroup) ?? group;
    }
}
