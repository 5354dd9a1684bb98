using System.Text;

namespace RsSpot.Cli.Infrastructure;

/// <summary>docs/cli-reference.md, generated from the command tree (a test keeps the committed file current).</summary>
internal static class CliReference
{
    public const string RegenerateCommand = "dotnet run --project src/RsSpot.Cli -- completion reference > docs/cli-reference.md";

    public static string Render(CommandNode root)
    {
        var text = new StringBuilder();
        text.AppendLine("# rsspot command reference");
        text.AppendLine();
        text.AppendLine($"Generated from the command tree; do not edit by hand (`{RegenerateCommand}`).");
        text.AppendLine();
        text.AppendLine("## Global options");
        text.AppendLine();
        text.AppendLine("Accepted before or after the command path, e.g. `rsspot -o json pricing list` or `rsspot pricing list -o json`.");
        text.AppendLine();
        AppendOptions(text, CommandTree.GlobalParameters);
        foreach (var node in root.Descendants().Where(n => !n.IsHidden))
        {
            text.AppendLine($"## `{node.Path}`");
            text.AppendLine();
            if (node.Description is { Length: > 0 } description)
            {
                text.AppendLine(description);
                text.AppendLine();
            }

            if (node.Children.Count > 0)
            {
                text.AppendLine($"Subcommands: {string.Join(", ", node.Children.Where(c => !c.IsHidden).Select(c => $"`{c.Name}`"))}.");
                text.AppendLine();
            }

            var arguments = node.Parameters.Where(p => p.IsArgument).ToList();
            if (arguments.Count > 0)
            {
                text.AppendLine($"Arguments: {string.Join(", ", arguments.Select(a => $"`<{a.Name}>`{(a.Description is null ? "" : $" — {a.Description}")}"))}.");
                text.AppendLine();
            }

            AppendOptions(text, node.Parameters.Where(p => !p.IsArgument).ToList());
        }

        return text.ToString();
    }

    private static void AppendOptions(StringBuilder text, IReadOnlyList<CommandParameter> options)
    {
        if (options.Count == 0)
        {
            return;
        }

        text.AppendLine("| Option | Default | Description |");
        text.AppendLine("|---|---|---|");
        foreach (var option in options)
        {
            var names = string.Join(", ", option.ShortNames.Select(s => $"-{s}").Append($"--{option.Name}"));
            var traits = option.IsRequired ? " (required)" : option.IsRepeatable ? " (repeatable)" : "";
            text.AppendLine($"| `{names}`{traits} | {option.Default ?? ""} | {option.Description ?? ""} |");
        }

        text.AppendLine();
    }
}
