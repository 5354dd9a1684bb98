namespace RsSpot;

/// <summary>
/// A profile named by an argument, the environment, a preference or a command is not in the configuration file.
/// Wherever it is met the message is the same and the CLI exits with the not-found code (4).
/// </summary>
public sealed class ProfileNotFoundException : SpotConfigurationException
{
    /// <summary>Creates the error for profile <paramref name="name"/>.</summary>
    /// <param name="name">The profile.</param>
    /// <param name="path">The configuration file searched; null for a runtime configuration.</param>
    /// <param name="namedBy">What named the profile (a <see cref="Configuration.ResolvedSettings.Sources"/> label), if known.</param>
    public ProfileNotFoundException(string name, string? path, string? namedBy = null)
        : base($"profile '{name}'{(namedBy is null ? string.Empty : $" (from {namedBy})")} not found in {path ?? "the runtime configuration"}; run 'rsspot configure --profile {name}'", path)
    {
        ProfileName = name;
    }

    /// <summary>The profile that was not found.</summary>
    public string ProfileName { get; }
}
