using System.Text;

namespace RsSpot.Cli.Infrastructure;

/// <summary>Shell completion scripts generated from the command tree (bash, zsh through bashcompinit, fish).</summary>
internal static class CompletionScripts
{
    public static string For(string shell, CommandNode root) => shell.ToLowerInvariant() switch
    {
        "bash" => Bash(root),
        "zsh" => "#compdef rsspot\nautoload -U +X bashcompinit && bashcompinit\n" + Bash(root),
        "fish" => Fish(root),
        _ => throw new UsageException($"unsupported shell '{shell}': use bash, zsh or fish"),
    };

    private static string Bash(CommandNode root)
    {
        var script = new StringBuilder();
        script.AppendLine("# rsspot completion for bash; load with: source <(rsspot completion bash)");
        script.AppendLine("_rsspot() {");
        script.AppendLine("  local cur path word i");
        script.AppendLine("  cur=\"${COMP_WORDS[COMP_CWORD]}\"");
        script.AppendLine("  path=\"rsspot\"");
        script.AppendLine("  for ((i = 1; i < COMP_CWORD; i++)); do");
        script.AppendLine("    word=\"${COMP_WORDS[i]}\"");
        script.AppendLine("    [[ \"$word\" == -* ]] && continue");
        script.AppendLine("    case \"$path $word\" in");
        foreach (var node in root.Descendants().Where(n => !n.IsHidden))
        {
            script.AppendLine($"      \"{node.Path}\") path=\"{node.Path}\" ;;");
        }

        script.AppendLine("    esac");
        script.AppendLine("  done");
        script.AppendLine("  local words");
        script.AppendLine("  case \"$path\" in");
        foreach (var node in root.Descendants().Prepend(root).Where(n => !n.IsHidden))
        {
            script.AppendLine($"    \"{node.Path}\") words=\"{string.Join(' ', Words(node, root))}\" ;;");
        }

        script.AppendLine("  esac");
        script.AppendLine("  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))");
        script.AppendLine("}");
        script.AppendLine("complete -F _rsspot rsspot");
        return script.ToString();
    }

    private static string Fish(CommandNode root)
    {
        var script = new StringBuilder("# rsspot completion for fish; load with: rsspot completion fish | source\n");
        foreach (var option in root.Parameters.Concat(CommandTree.GlobalParameters))
        {
            script.AppendLine($"complete -c rsspot -l {option.Name}{string.Concat(option.ShortNames.Select(s => $" -s {s}"))} -d {Quote(option.Description)}");
        }

        foreach (var node in root.Descendants().Prepend(root).Where(n => !n.IsHidden))
        {
            var condition = node == root ? "__fish_use_subcommand" : $"__fish_seen_subcommand_from {node.Name}";
            foreach (var child in node.Children.Where(c => !c.IsHidden))
            {
                script.AppendLine($"complete -c rsspot -f -n '{condition}' -a {child.Name} -d {Quote(child.Description)}");
            }

            foreach (var option in node.Parameters.Where(p => !p.IsArgument))
            {
                script.AppendLine($"complete -c rsspot -n '{condition}' -l {option.Name} -d {Quote(option.Description)}");
            }
        }

        return script.ToString();
    }

    private static IEnumerable<string> Words(CommandNode node, CommandNode root) =>
        node.Children.Where(c => !c.IsHidden).Select(c => c.Name)
            .Concat(node.Parameters.Where(p => !p.IsArgument).Select(p => "--" + p.Name))
            .Concat(CommandTree.GlobalParameters.Select(p => "--" + p.Name))
            .Concat(node == root ? [] : ["--help"]);

    private static string Quote(string? text) => $"'{(text ?? "").Replace("'", "\\'", StringComparison.Ordinal)}'";
}
