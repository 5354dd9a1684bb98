using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>
/// One named profile of a file: its <see cref="ProfileSettings"/> plus retry and cache blocks. Unset values fall back
/// to the environment, preferences, top-level blocks and built-in defaults when settings are resolved.
/// </summary>
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

/// <summary>
/// Changes to one profile for <see cref="ProfileManager.Upsert"/>: only the settings given change, the others keep
/// their stored values (so re-running <c>configure --region X</c> keeps the token).
/// </summary>
internal sealed class ProfileUpdate : ProfileSettings;
