using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Configuration;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot profiles list|show|use|delete</c>: the profiles of the configuration file.</summary>
internal sealed class ProfilesCommands(CliContext context)
{
    [Command("list", Description = "List the profiles and which one is active")]
    public void List() => context.Output.Write(context.Profiles().List());

    [Command("show", Description = "Show a profile with secrets redacted (default: the profile this run would use)")]
    public void Show([Argument(Description = "Profile name (default: -p, RSSPOT_PROFILE, the state preference, then the file)")] string? name = null)
    {
        var manager = context.Profiles();
        var config = manager.Load();
        if (name is not null)
        {
            context.Output.Write(ConfigurationSupport.ProfileView(config, manager.Path, ConfigurationSupport.RequireValue(name, "profile name")));
            return;
        }

        var resolved = context.ResolveSettings();
        context.Output.Write(ConfigurationSupport.ProfileView(config, manager.Path, resolved.ProfileName, resolved.ProfileSource));
    }

    [Command("use", Description = "Make a profile the active and default one")]
    public void Use([Argument(Description = "Profile name")] string name)
    {
        var manager = context.Profiles();
        manager.Use(name, context.State.Preferences);
        context.Output.Note($"active profile is now '{name}'");
        context.Output.Write(manager.List());
    }

    [Command("delete", Description = "Delete a profile (asks first; --yes when not on a terminal)")]
    public void Delete(
        [Argument(Description = "Profile name")] string name,
        [Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false)
    {
        var manager = context.Profiles();
        ProfileManager.Require(manager.Load(), manager.Path, name);
        context.Confirm($"delete profile '{name}' (and its credentials) from {manager.Path}?", yes);
        manager.Delete(name, context.State.Preferences);
        var remaining = manager.List();
        context.Output.Note(remaining.ActiveProfile is { } active ? $"deleted profile '{name}'; active profile is '{active}'" : $"deleted profile '{name}'; no profile is active");
        context.Output.Write(remaining);
    }
}
