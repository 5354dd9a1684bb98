using Cocona;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot completion bash|zsh|fish</c>, generated from the real command tree.</summary>
internal sealed class CompletionCommands(CliContext context)
{
    [Command("bash", Description = "Bash completion script (source <(rsspot completion bash))")]
    public void Bash() => context.Output.WriteText(CompletionScripts.For("bash", CommandTree.Build(typeof(RootCommands))));

    [Command("zsh", Description = "Zsh completion script (source <(rsspot completion zsh))")]
    public void Zsh() => context.Output.WriteText(CompletionScripts.For("zsh", CommandTree.Build(typeof(RootCommands))));

    [Command("fish", Description = "Fish completion script (rsspot completion fish | source)")]
    public void Fish() => context.Output.WriteText(CompletionScripts.For("fish", CommandTree.Build(typeof(RootCommands))));

    [Hidden]
    [Command("values", Description = "Values the completion scripts offer: profiles, or regions from the response cache (never the network)")]
    public async Task Values([Argument(Description = "profiles or regions")] string source)
    {
        var values = source switch
        {
            CompletionValues.Profiles => CompletionValues.ProfileNames(context),
            CompletionValues.Regions => await CompletionValues.CachedRegionsAsync(context).ConfigureAwait(false),
            _ => throw new UsageException($"unknown completion values '{source}': use {CompletionValues.Profiles} or {CompletionValues.Regions}"),
        };
        foreach (var value in values)
        {
            context.Output.WriteText(value);
        }
    }

    [Hidden]
    [Command("reference", Description = "The markdown command reference (docs/cli-reference.md)")]
    public void Reference() => context.Output.WriteText(CliReference.Render(CommandTree.Build(typeof(RootCommands))).TrimEnd());
}
