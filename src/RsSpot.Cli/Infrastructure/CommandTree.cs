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
        new("timeout", [], false, false, false, false, null, "Deadline of each API call including retries: seconds or 90s, 5m (default 100s)"),
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
        var parameters = method.GetParameters().Where(p => p.GetCustomAttribute<FromServiceAttribute>() is null).SelectMany(Parameters).ToList();
        return new CommandNode($"{parent} {name}", attribute?.Description, parameters, [], method.GetCustomAttribute<HiddenAttribute>() is not null);
    }

    /// <summary>A method parameter, or each option of a Cocona parameter set (a class shared by several commands).</summary>
    private static IEnumerable<CommandParameter> Parameters(ParameterInfo parameter)
    {
        if (!typeof(ICommandParameterSet).IsAssignableFrom(parameter.ParameterType))
        {
            return [Describe(parameter.Name!, parameter.ParameterType, parameter.GetCustomAttribute<OptionAttribute>(), parameter.GetCustomAttribute<ArgumentAttribute>(), parameter.HasDefaultValue, parameter.DefaultValue)];
        }

        // Cocona treats a set's property as optional only with [HasDefaultValue]; its default is the property's initial value.
        var defaults = Activator.CreateInstance(parameter.ParameterType);
        return parameter.ParameterType.GetProperties()
            .Where(p => p.GetCustomAttribute<OptionAttribute>() is not null || p.GetCustomAttribute<ArgumentAttribute>() is not null)
            .Select(p => Describe(p.Name, p.PropertyType, p.GetCustomAttribute<OptionAttribute>(), p.GetCustomAttribute<ArgumentAttribute>(),
                p.GetCustomAttribute<HasDefaultValueAttribute>() is not null, p.GetValue(defaults)));
    }

    private static CommandParameter Describe(string name, Type declaredType, OptionAttribute? option, ArgumentAttribute? argument, bool hasDefault, object? defaultValue)
    {
        var type = Nullable.GetUnderlyingType(declaredType) ?? declaredType;
        var repeatable = type.IsArray;
        var isFlag = declaredType == typeof(bool);
        var defaultText = !hasDefault ? null : defaultValue switch
        {
            null or false => null,
            Array values => values.Length == 0 ? null : string.Join(",", values.Cast<object>()),
            _ => Convert.ToString(defaultValue, System.Globalization.CultureInfo.InvariantCulture),
        };
        return argument is not null
            ? new CommandParameter(argument.Name ?? name, [], true, false, repeatable, !hasDefault, defaultText, argument.Description)
            : new CommandParameter(option?.Name ?? name, [.. option?.ShortNames ?? []], false, isFlag, repeatable, !hasDefault && !isFlag, defaultText, option?.Description);
    }
}
