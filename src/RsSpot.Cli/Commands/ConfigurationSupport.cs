using RsSpot.Cli.Infrastructure;
using RsSpot.Configuration;
using RsSpot.State;

namespace RsSpot.Cli.Commands;

/// <summary>
/// What the configure, profiles and config commands share: the profile manager bound to the file the client would
/// use, the not-found rule for profiles, the redacted views, and the text-or-structured acknowledgement.
/// </summary>
internal static class ConfigurationSupport
{
    private static readonly string ValidPreferenceKeys =
        $"{PreferenceKeys.DefaultProfile}, {PreferenceKeys.DefaultOrg}, {PreferenceKeys.DefaultRegion}, " +
        $"{PreferenceKeys.ProfileOrg("<profile>")}, {PreferenceKeys.ProfileRegion("<profile>")}";

    /// <summary>
    /// The manager of the configuration file this run resolves to (-c, env, default paths, migrated legacy file).
    /// <paramref name="allowMissingFile"/> lets an explicitly named file be created (configure).
    /// </summary>
    public static ProfileManager Profiles(this CliContext context, bool allowMissingFile = false) => ManagerOf(context.LoadConfig(allowMissingFile));

    /// <summary>The manager of <paramref name="loaded"/>'s file.</summary>
    public static ProfileManager ManagerOf(LoadedConfig loaded) => new(loaded.Path ?? throw new UsageException("this configuration has no file to manage"));

    /// <summary>One profile for display: its name, file, whether the file selects it, and its settings with secrets redacted.</summary>
    public static IDictionary<string, object?> ProfileView(SpotConfig config, string path, string name, string? selectedBy = null)
    {
        ProfileManager.Require(config, path, name);
        var profiles = (IDictionary<string, object?>)ConfigRedactor.Redact(config)["profiles"]!;
        var view = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["path"] = path,
            ["active"] = config.ActiveProfile == name,
        };
        if (selectedBy is not null)
        {
            view["selected_by"] = selectedBy;
        }

        view["settings"] = profiles[name];
        return view;
    }

    /// <summary>
    /// Confirms a change: the plain sentence when no -o was given (as the reference echoes it), otherwise
    /// <paramref name="result"/> in the requested format so scripts can parse it.
    /// </summary>
    public static void Acknowledge(this CliContext context, string sentence, object result)
    {
        if (context.Options.Output is null)
        {
            context.Output.WriteText(sentence);
        }
        else
        {
            context.Output.Write(result);
        }
    }

    /// <summary>Rejects preference keys nothing reads (exit 2), naming the valid ones.</summary>
    public static string RequirePreferenceKey(string key) =>
        StatePreferences.IsKnownKey(key)
            ? key
            : throw new UsageException($"unknown preference key '{key}': use {ValidPreferenceKeys}");

    /// <summary>Rejects blank values (exit 2) and returns the trimmed value.</summary>
    public static string RequireValue(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{what} must not be blank") : value.Trim();
}
