using System.Text;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Hosting;

/// <summary>
/// <c>--help</c> for any node of the command tree: usage, the node's own description, its commands or arguments and
/// options, then the global options every command accepts.
/// </summary>
internal static class HelpText
{
    public static string Render(CommandNode node)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {Usage(node)}");
        if (node.Description is { Length: > 0 } description)
        {
            text.AppendLine().AppendLine(description);
        }

        if (node.IsGroup)
        {
            Section(text, "Commands", node.Children.Where(c => !c.IsHidden).Select(c => (c.Name, c.Description ?? "")));
        }

        Section(text, "Arguments", node.Parameters.Where(p => p.IsArgument).Select(a => ($"<{a.Name}>", a.Description ?? "")));
        Section(text, "Options", node.Parameters.Where(p => !p.IsArgument).Select(Describe));
        Section(text, "Global options", CommandTree.GlobalParameters.Select(Describe));
        if (node.IsGroup)
        {
            text.AppendLine().AppendLine($"Run '{node.Path} <command> --help' for the options of a command.");
        }

        return text.ToString().TrimEnd();
    }

    private static string Usage(CommandNode node)
    {
        if (node.IsGroup)
        {
            return $"{node.Path} <command> [options]";
        }

        var required = node.Parameters.Where(p => !p.IsArgument && p.IsRequired).Select(p => $"--{p.Name} <{p.ValueName}>");
        var arguments = node.Parameters.Where(p => p.IsArgument).Select(a => a.IsRequired ? $"<{a.Name}>" : $"[<{a.Name}>]");
        return string.Join(' ', new[] { node.Path }.Concat(arguments).Concat(required).Append("[options]"));
    }

    private static (string Label, string Description) Describe(CommandParameter option)
    {
        var names = string.Join(", ", option.ShortNames.Select(s => $"-{s}").Append($"--{option.Name}"));
        var label = option.IsFlag ? names : $"{names} <{option.ValueName}>";
        var notes = new List<string>();
        if (option.IsRequired)
        {
            notes.Add("required");
        }
        else if (option.Default is { } value)
        {
            notes.Add($"default: {value}");
        }

        if (option.IsRepeatable)
        {
            notes.Add("repeatable");
        }

        var description = option.Description ?? "";
        return (option.ShortNames.Length == 0 ? "    " + label : label, notes.Count == 0 ? description : $"{description} ({string.Join(", ", notes)})");
    }

    private static void Section(StringBuilder text, string title, IEnumerable<(string Label, string Description)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var width = list.Max(r => r.Label.Length) + 4;
        text.AppendLine().AppendLine($"{title}:");
        foreach (var (label, description) in list)
        {
            text.AppendLine($"  {label.PadRight(width)}{description}".TrimEnd());
        }
    }
}
