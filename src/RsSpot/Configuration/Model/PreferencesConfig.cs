using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>File-level preferences (<c>preferences</c>). Unknown keys are kept in <see cref="ExtraKeys"/>.</summary>
internal sealed class PreferencesConfig
{
    /// <summary>Preferred profile (<c>preferences.default_profile</c>).</summary>
    public string? DefaultProfile { get; set; }

    /// <summary>Organization for profiles that name none (below the profile's own <c>org</c>).</summary>
    public string? DefaultOrg { get; set; }

    /// <summary>Region for profiles that name none (below the profile's own <c>region</c>).</summary>
    public string? DefaultRegion { get; set; }

    /// <summary>Organization per profile name; outranks the profile's own <c>org</c>.</summary>
    public IDictionary<string, string> ProfileOrgs { get; set; } = new OrderedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Region per profile name; outranks the profile's own <c>region</c>.</summary>
    public IDictionary<string, string> ProfileRegions { get; set; } = new OrderedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Preference keys this version does not know; preserved verbatim on save.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?> ExtraKeys { get; set; } = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
}
