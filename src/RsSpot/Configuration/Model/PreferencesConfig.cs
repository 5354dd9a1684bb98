namespace RsSpot.Configuration;

/// <summary>File-level preferences (<c>preferences</c>). Unknown keys are kept in <see cref="ExtraKeys"/>.</summary>
public sealed class PreferencesConfig
{
    /// <summary>Preferred profile (<c>preferences.default_profile</c>).</summary>
    public string? DefaultProfile { get; set; }

    /// <summary>Organization used when neither the profile nor <see cref="ProfileOrgs"/> names one.</summary>
    public string? DefaultOrg { get; set; }

    /// <summary>Region used when neither the profile nor <see cref="ProfileRegions"/> names one.</summary>
    public string? DefaultRegion { get; set; }

    /// <summary>Organization per profile name; outranks the profile's own <c>org</c>.</summary>
    public IDictionary<string, string> ProfileOrgs { get; set; } = new OrderedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Region per profile name; outranks the profile's own <c>region</c>.</summary>
    public IDictionary<string, string> ProfileRegions { get; set; } = new OrderedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Preference keys this version does not know; preserved verbatim on save.</summary>
    public IDictionary<string, object?> ExtraKeys { get; set; } = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>True when nothing is set.</summary>
    public bool IsEmpty => DefaultProfile is null && DefaultOrg is null && DefaultRegion is null
        && ProfileOrgs.Count == 0 && ProfileRegions.Count == 0 && ExtraKeys.Count == 0;
}
