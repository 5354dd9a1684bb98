namespace RsSpot.Configuration;

/// <summary>The machine-local preferences kept in state.db (<see cref="PreferenceKeys"/>): read by resolution, removed by profile changes.</summary>
internal interface IPreferenceStore
{
    /// <summary>The value stored under <paramref name="key"/>, or null when there is none.</summary>
    string? GetPreference(string key);

    /// <summary>Removes <paramref name="key"/>; does nothing when it is absent.</summary>
    void RemovePreference(string key);
}

/// <summary>Keys of the state.db preferences that take part in resolution.</summary>
internal static class PreferenceKeys
{
    /// <summary>Profile chosen by <c>config set-default-profile</c>.</summary>
    public const string DefaultProfile = "default_profile";

    /// <summary>Organization chosen by <c>config set-default-org</c>; used only where the profile names none.</summary>
    public const string DefaultOrg = "default_org";

    /// <summary>Region chosen by <c>config set-default-region</c>; used only where the profile names none.</summary>
    public const string DefaultRegion = "default_region";

    /// <summary>Organization chosen for one profile: <c>profile_org:&lt;profile&gt;</c>.</summary>
    public static string ProfileOrg(string profile) => $"profile_org:{profile}";

    /// <summary>Region chosen for one profile: <c>profile_region:&lt;profile&gt;</c>.</summary>
    public static string ProfileRegion(string profile) => $"profile_region:{profile}";
}
