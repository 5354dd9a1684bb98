using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Configuration;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot config info|get|set|unset|set-default-*</c>: the configuration file and the machine-local preferences
/// kept in state.db (which outrank the file's selections). <c>config history</c> is kept as the reference's spelling
/// of <c>rsspot history</c>.
/// </summary>
[HasSubCommands(typeof(HistoryCommands), "history", Description = "Same as 'rsspot history'")]
internal sealed class ConfigCommands(CliContext context)
{
    [Command("info", Description = "Show the configuration file (secrets redacted) and state.db, or with --resolved every effective value and its source")]
    public void Info([Option("resolved", Description = "Show every effective value and where it came from")] bool resolved = false)
    {
        if (resolved)
        {
            context.Output.Write(context.ResolveSettings().Describe());
            return;
        }

        var loaded = context.LoadConfig();
        var state = context.State;
        var info = ConfigRedactor.Redact(loaded.Config);
        info["_source"] = loaded.SourceName;
        info["_path"] = loaded.Path;
        info["_state"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["path"] = state.Path,
            ["history_count"] = state.History.Count(),
            ["history_max_entries"] = state.History.MaxEntries,
            ["preferences"] = state.Preferences.List(),
        };
        context.Output.Write(info);
    }

    [Command("get", Description = "Show one state.db preference (null when unset)")]
    public void Get([Argument(Description = "default_profile, default_org, default_region, profile_org:<profile> or profile_region:<profile>")] string key)
    {
        ConfigurationSupport.RequirePreferenceKey(key);
        context.Output.Write(new PreferenceValue(key, context.State.Preferences.Get(key)));
    }

    [Command("set", Description = "Set a state.db preference")]
    public void Set(
        [Argument(Description = "default_profile, default_org, default_region, profile_org:<profile> or profile_region:<profile>")] string key,
        [Argument(Description = "The value")] string value) =>
        SetPreference(ConfigurationSupport.RequirePreferenceKey(key), value, v => $"{key} set to {v}");

    [Command("unset", Description = "Remove a state.db preference")]
    public void Unset([Argument(Description = "The preference key")] string key)
    {
        var removed = context.State.Preferences.Unset(ConfigurationSupport.RequirePreferenceKey(key));
        context.Acknowledge(removed ? $"{key} unset" : $"{key} was not set", new { Key = key, Removed = removed });
    }

    [Command("set-default-profile", Description = "Use this profile by default on this machine (outranks the file)")]
    public void SetDefaultProfile([Argument(Description = "Profile name (must exist in the configuration file)")] string name) =>
        SetPreference(PreferenceKeys.DefaultProfile, name, v => $"default profile set to {v}");

    [Command("set-default-org", Description = "Use this organization on this machine where the profile names none")]
    public void SetDefaultOrg([Argument(Description = "Organization name or id")] string name) =>
        SetPreference(PreferenceKeys.DefaultOrg, name, v => $"default org set to {v}");

    [Command("set-default-region", Description = "Use this region on this machine where the profile names none")]
    public void SetDefaultRegion([Argument(Description = "Region name")] string name) =>
        SetPreference(PreferenceKeys.DefaultRegion, name, v => $"default region set to {v}");

    private void SetPreference(string key, string value, Func<string, string> sentence)
    {
        value = ConfigurationSupport.RequireValue(value, key);
        if (key == PreferenceKeys.DefaultProfile)
        {
            // A default naming no profile would make every later command fail (or, in the reference, silently use an empty profile).
            var loaded = context.LoadConfig();
            ProfileManager.Require(loaded.Config, loaded.Path, value);
        }

        context.State.Preferences.Set(key, value);
        context.Acknowledge(sentence(value), new PreferenceValue(key, value));
    }

    /// <summary>One preference as printed by get, set and set-default-*.</summary>
    private sealed record PreferenceValue(string Key, string? Value);
}
