using System.Text;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// Shell completion scripts generated from the command tree: commands, options and option values (fixed sets such as
/// <c>-o</c> and <c>--risk</c>, file names, and profile and region names read at completion time through
/// <c>rsspot completion values</c>). zsh runs the bash script through bashcompinit; fish gets its own.
/// </summary>
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
        // Not "path": zsh ties that name to $PATH, and a local one would hide every command from the script.
        script.AppendLine("  local cur prev cmdpath word i words");
        script.AppendLine("  cur=\"${COMP_WORDS[COMP_CWORD]}\"");
        script.AppendLine("  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"");
        script.AppendLine("  case \"$prev\" in");
        foreach (var (names, option) in ValueOptions(root))
        {
            script.AppendLine($"    {string.Join('|', names)}) {BashValues(option)}; return ;;");
        }

        script.AppendLine("  esac");
        script.AppendLine("  cmdpath=\"rsspot\"");
        script.AppendLine("  for ((i = 1; i < COMP_CWORD; i++)); do");
        script.AppendLine("    word=\"${COMP_WORDS[i]}\"");
        script.AppendLine("    [[ \"$word\" == -* ]] && continue");
        script.AppendLine("    case \"$cmdpath $word\" in");
        script.AppendLine($"      {string.Join('|', Visible(root).Select(n => $"\"{n.Path}\""))}) cmdpath=\"$cmdpath $word\" ;;");
        script.AppendLine("    esac");
        script.AppendLine("  done");
        script.AppendLine("  case \"$cmdpath\" in");
        foreach (var node in Visible(root).Prepend(root))
        {
            script.AppendLine($"    \"{node.Path}\") words=\"{string.Join(' ', Words(node))}\" ;;");
        }

        script.AppendLine("  esac");
        script.AppendLine("  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))");
        script.AppendLine("}");
        script.AppendLine("complete -F _rsspot rsspot");
        return script.ToString();
    }

    private static string BashValues(CommandParameter option) => option switch
    {
        { Choices.Count: > 0 } => $"COMPREPLY=($(compgen -W \"{string.Join(' ', option.Choices)}\" -- \"$cur\"))",
        { DynamicValues: { } source } => $"COMPREPLY=($(compgen -W \"$(rsspot completion values {source} 2>/dev/null)\" -- \"$cur\"))",
        _ when TakesPath(option) => "COMPREPLY=($(compgen -f -- \"$cur\"))",
        _ => "COMPREPLY=()",
    };

    private static string Fish(CommandNode root)
    {
        var script = new StringBuilder("# rsspot completion for fish; load with: rsspot completion fish | source\n");
        script.AppendLine("complete -c rsspot -e");
        script.AppendLine("function __rsspot_path");
        script.AppendLine("    set -l path rsspot");
        script.AppendLine("    for word in (commandline -opc)[2..-1]");
        script.AppendLine("        string match -q -- '-*' $word; and continue");
        script.AppendLine("        switch \"$path $word\"");
        script.AppendLine($"            case {string.Join(' ', Visible(root).Select(n => $"'{n.Path}'"))}");
        script.AppendLine("                set path \"$path $word\"");
        script.AppendLine("        end");
        script.AppendLine("    end");
        script.AppendLine("    echo $path");
        script.AppendLine("end");
        foreach (var option in CommandTree.GlobalParameters)
        {
            script.AppendLine($"complete -c rsspot{FishOption(option)}");
        }

        foreach (var node in Visible(root).Prepend(root))
        {
            var condition = $"-n 'test (__rsspot_path) = \"{node.Path}\"'";
            foreach (var child in node.Children.Where(c => !c.IsHidden))
            {
                script.AppendLine($"complete -c rsspot -f {condition} -a {child.Name} -d {Quote(child.Description)}");
            }

            foreach (var option in node.Parameters.Where(p => !p.IsArgument))
            {
                script.AppendLine($"complete -c rsspot {condition}{FishOption(option)}");
            }
        }

        return script.ToString();
    }

    private static string FishOption(CommandParameter option)
    {
        // -f: no file names, except for options that take a path (-F).
        var text = new StringBuilder(TakesPath(option) ? $" -l {option.Name}" : $" -f -l {option.Name}");
        foreach (var shortName in option.ShortNames)
        {
            text.Append($" -s {shortName}");
        }

        if (!option.IsFlag)
        {
            text.Append(option switch
            {
                { Choices.Count: > 0 } => $" -r -a {Quote(string.Join(' ', option.Choices))}",
                { DynamicValues: { } source } => $" -r -a '(rsspot completion values {source} 2>/dev/null)'",
                _ when TakesPath(option) => " -r -F",
                _ => " -r",
            });
        }

        return text.Append($" -d {Quote(option.Description)}").ToString();
    }

    /// <summary>Every option that takes a value, by its spellings (one entry per name; the global ones included).</summary>
    private static IEnumerable<(IReadOnlyList<string> Names, CommandParameter Option)> ValueOptions(CommandNode root) =>
        CommandTree.GlobalParameters.Concat(Visible(root).SelectMany(n => n.Parameters))
            .Where(p => !p.IsArgument && !p.IsFlag)
            .DistinctBy(p => p.Name)
            .Select(p => ((IReadOnlyList<string>)[.. p.ShortNames.Select(s => $"-{s}"), $"--{p.Name}"], p));

    private static bool TakesPath(CommandParameter option) => option.ValueName == "path" || option.Name is "file" or "state";

    private static IEnumerable<CommandNode> Visible(CommandNode root) => root.Descendants().Where(n => !n.IsHidden);

    private static IEnumerable<string> Words(CommandNode node) =>
        node.Children.Where(c => !c.IsHidden).Select(c => c.Name)
            .Concat(node.Parameters.Where(p => !p.IsArgument).Select(p => "--" + p.Name))
            .Concat(CommandTree.GlobalParameters.Select(p => "--" + p.Name));

    private static string Quote(string? text) => $"'{(text ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";
}
