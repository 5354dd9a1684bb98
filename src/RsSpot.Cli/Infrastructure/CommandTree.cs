using System.Reflection;
using Cocona;

namespace RsSpot.Cli.Infrastructure;

/// <summary>An option or argument of a command, as Cocona binds it.</summary>
internal sealed record CommandParameter(string Name, char[] ShortNames, bool IsArgument, bool IsFlag, bool IsRepeatable, bool IsRequired, string? Default, string? Description);

/// <summary>A command or a group, with its full path (e.g. <c>nodepools spot create</c>).</summary>
internal sealed record CommandNode(string Path, string? Description, IReadOnlyList<CommandParameter> Parameters, IReadOnlyList<CommandNode> Children, bool IsHidden)
{
    public string Name => Path.Split(' ')[^1];

    public IEnumerable<CommandNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));
}

/// <summary>
/// The rsspot command tree read from the same attributes Cocona dispatches on, so shell completion and the generated
/// CLI reference can never disagree with the real commands.
/// </summary>
internal static class CommandTree
{
    /// <summary>The options <see cref="GlobalOptions"/> accepts anywhere on the line.</summary>
    public static IReadOnlyList<CommandParameter> GlobalParameters { get; } =
    [
        new("profile", ['p'], false, false, false, false, null, "Configuration profile"),
        new("config-file", ['c'], false, false, false, false, null, "Configuration file (must exist)"),
        new("output", ['o'], false, false, false, false, null, "json, yaml, table or jsonl"),
        new("sandbox", [], false, true, false, false, null, "Run against the built-in Spot emulator"),
        new("no-cache", [], false, true, false, false, null, "Skip the HTTP cache"),
        new("verbose", ['v'], false, true, false, false, null, "Log requests, retries and token refreshes to stderr"),
        new("version", [], false, true, false, false, null, "Print the version"),
    ];

    public static CommandNode Build(Type root) => Group(root, "rsspot", "Command-line tool for Rackspace Spot.", isHidden: false);

    private static CommandNode Group(Type type, string path, string? description, bool isHidden)
    {
        var groups = type.GetCustomAttributes<HasSubCommandsAttribute>()
            .Select(a => Group(a.Type, $"{path} {a.CommandName}", a.Description, a.Type.GetCustomAttribute<HiddenAttribute>() is not null));
        var commands = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetCustomAttribute<IgnoreAttribute>() is null)
            .Select(m => Command(m, path));
        return new CommandNode(path, description, [], [.. groups, .. commands], isHidden);
    }

    private static CommandNode Command(MethodInfo method, string parent)
    {
        var attribute = method.GetCustomAttribute<CommandAttribute>();
        var name = attribute?.Name ?? method.Name.ToLowerInvariant();
        var parameters = method.GetParameters().Where(p => p.GetCustomAttribute<FromServiceAttribute>() is null).Select(Parameter).ToList();
        return new CommandNode($"{parent} {name}", attribute?.Description, parameters, [], method.GetCustomAttribute<HiddenAttribute>() is not null);
    }

    private static CommandParameter Parameter(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var repeatable = type.IsArray;
        var isFlag = type == typeof(bool) && !parameter.ParameterType.IsGenericType;
        var defaultText = parameter.HasDefaultValue && parameter.DefaultValue is not null and not false ? Convert.ToString(parameter.DefaultValue, System.Globalization.CultureInfo.InvariantCulture) : null;
        if (parameter.GetCustomAttribute<ArgumentAttribute>() is { } argument)
        {
            return new CommandParameter(argument.Name ?? parameter.Name!, [], true, false, repeatable, !parameter.HasDefaultValue, defaultText, argument.Description);
        }

        var option = parameter.GetCustomAttribute<OptionAttribute>();
        return new CommandParameter(option?.Name ?? parameter.Name!, [.. option?.ShortNames ?? []], false, isFlag, repeatable, !parameter.HasDefaultValue && !isFlag, defaultText, option?.Description);
    }
}
