namespace RsSpot.Configuration;

/// <summary>The machine-local preferences kept in state.db (<see cref="PreferenceKeys"/>): read by resolution, removed by profile changes.</summary>
internal interface IPreferenceStore
{
    string? GetPreference(string key);

    /// <summary>Removes <paramref name="key"/>; does nothing when it is absent.</summary>
    void RemovePreference(string key);
}

/// <summary>
/// Keys of the state.db preferences that take part in resolution, set by <c>config set-default-profile</c>,
/// <c>set-default-org</c> and <c>set-default-region</c> (the org and region only where the profile names none) and per
/// profile (<c>profile_org:&lt;profile&gt;</c>, <c>profile_region:&lt;profile&gt;</c>).
/// </summary>
internal static class PreferenceKeys
{
    public const string DefaultProfile = "default_profile";

    public const string DefaultOrg = "default_org";

    public const string DefaultRegion = "default_region";

    public static string ProfileOrg(string profile) => $"profile_org:{profile}";

    public static string ProfileRegion(string profile) => $"profile_region:{profile}";
}
