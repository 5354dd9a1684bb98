using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>One named profile of a file: its settings plus retry and cache blocks; <see cref="ConfigResolver"/> fills in what it leaves unset.</summary>
internal sealed class ProfileConfig : ProfileSettings
{
    /// <summary>Retry settings of this profile, merged field by field over the top-level block.</summary>
    public RetryConfig? Retry { get; set; }

    /// <summary>Cache settings of this profile, merged field by field over the top-level block.</summary>
    public CacheConfig? Cache { get; set; }

    /// <summary>Profile keys this version does not know; preserved verbatim on save.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?> ExtraKeys { get; set; } = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>Changes to one profile (<see cref="ProfileManager.Upsert"/>): settings left unset keep their stored values, so <c>configure --region X</c> keeps the token.</summary>
internal sealed class ProfileUpdate : ProfileSettings;
