using System.Reflection;
using Cocona;

namespace RsSpot.Cli.Infrastructure;

/// <summary>An option or argument of a command, as Cocona binds it.</summary>
internal sealed record CommandParameter(string Name, char[] ShortNames, bool IsArgument, bool IsFlag, bool IsRepeatable, bool IsRequired, string? Default, string? Description)
{
    /// <summary>What help shows after the option name (<c>--profile &lt;name&gt;</c>); flags take none.</summary>
    public string ValueName { get; init; } = "value";

    /// <summary>The values it accepts, when they are a fixed set (offered by shell completion).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Where shell completion finds its values at run time (<see cref="CompletionValues"/>), if anywhere.</summary>
    public string? DynamicValues { get; init; }
}

/// <summary>
/// A command or a group, with its full path (e.g. <c>nodepools spot create</c>). A group whose only command is its
/// primary one (<c>configure</c>, <c>raw</c>) is a command: it has that command's parameters and no children.
/// </summary>
internal sealed record CommandNode(string Path, string? Description, IReadOnlyList<CommandParameter> Parameters, IReadOnlyList<CommandNode> Children, bool IsHidden)
{
    public string Name => Path.Split(' ')[^1];

    public bool IsGroup => Children.Count > 0;

    public IEnumerable<CommandNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));
}

/// <summary>
/// The rsspot command tree read from the same attributes Cocona dispatches on, so shell completion and the generated
/// CLI reference can never disagree with the real commands.
/// </summary>
internal static class CommandTree
{
    /// <summary>The options <see cref="GlobalOptions"/> accepts anywhere on the line.</summary>
    public const string RootDescription = "Command-line tool for Rackspace Spot.";

    /// <summary>The options <see cref="GlobalOptions"/> accepts anywhere on the line.</summary>
    public static IReadOnlyList<CommandParameter> GlobalParameters { get; } =
    [
        new("profile", ['p'], false, false, false, false, null, "Configuration profile") { ValueName = "name", DynamicValues = CompletionValues.Profiles },
        new("config-file", ['c'], false, false, false, false, null, "Configuration file (must exist)") { ValueName = "path" },
        new("output", ['o'], false, false, false, false, null, "Output format: json, yaml, table, jsonl or csv") { ValueName = "format", Choices = GlobalOptions.Formats },
        new("wide", [], false, true, false, false, null, "Tables: every column at full width, even past the terminal's edge"),
        new("no-color", [], false, true, false, false, null, "No colour (also off when NO_COLOR is set or output is not a terminal)"),
        new("sandbox", [], false, true, false, false, null, "Run against the built-in Spot emulator"),
        new("no-cache", [], false, true, false, false, null, "Skip the HTTP cache"),
        new("read-only", [], false, true, false, false, null, "Refuse every call that would change something (exit 12); reads still work"),
        new("timeout", [], false, false, false, false, null, "Deadline of each API call including retries: seconds or 90s, 5m (default 100s)") { ValueName = "duration" },
        new("verbose", ['v'], false, true, false, false, null, "Log requests, retries and token refreshes to stderr"),
        new("version", [], false, true, false, false, null, "Print the version"),
        new("help", ['h'], false, true, false, false, null, "Show help for the command or group"),
    ];

    public static CommandNode Build(Type root) => Group(root, "rsspot", RootDescription, isHidden: false);

    /// <summary>The node of one group (and everything under it), for help on just that part of the tree.</summary>
    public static CommandNode Group(Type type, string path, string? description, bool isHidden = false)
    {
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetCustomAttribute<IgnoreAttribute>() is null)
            .ToList();
        var groups = type.GetCustomAttributes<HasSubCommandsAttribute>()
            .Select(a => Group(a.Type, $"{path} {a.CommandName}", a.Description, a.Type.GetCustomAttribute<HiddenAttribute>() is not null))
            .ToList();
        if (groups.Count == 0 && methods is [var primary] && primary.GetCustomAttribute<PrimaryCommandAttribute>() is not null)
        {
            return new CommandNode(path, description, Parameters(primary), [], isHidden);
        }

        return new CommandNode(path, description, [], [.. groups, .. methods.Select(m => Command(m, path))], isHidden);
    }

    private static CommandNode Command(MethodInfo method, string parent)
    {
        var attribute = method.GetCustomAttribute<CommandAttribute>();
        var name = attribute?.Name ?? method.Name.ToLowerInvariant();
        return new CommandNode($"{parent} {name}", attribute?.Description, Parameters(method), [], method.GetCustomAttribute<HiddenAttribute>() is not null);
    }

    private static List<CommandParameter> Parameters(MethodInfo method) =>
        [.. method.GetParameters().Where(p => p.GetCustomAttribute<FromServiceAttribute>() is null).SelectMany(Parameters)];

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
        if (argument is not null)
        {
            return new CommandParameter(argument.Name ?? name, [], true, false, repeatable, !hasDefault, defaultText, argument.Description);
        }

        var optionName = option?.Name ?? name;
        var element = type.IsArray ? type.GetElementType()! : type;
        return new CommandParameter(optionName, [.. option?.ShortNames ?? []], false, isFlag, repeatable, !hasDefault && !isFlag, defaultText, option?.Description)
        {
            ValueName = element == typeof(int) || element == typeof(long) ? "n" : element == typeof(double) || element == typeof(decimal) ? "number" : "value",
            Choices = CompletionValues.ChoicesOf(optionName),
            DynamicValues = CompletionValues.SourceOf(optionName),
        };
    }
}
