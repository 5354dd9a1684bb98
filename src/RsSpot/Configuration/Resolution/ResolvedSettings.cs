using System.Globalization;

namespace RsSpot.Configuration;

/// <summary>
/// Every effective setting after resolution, and where each came from (<see cref="Sources"/>). Secrets are plain
/// properties for the client to use; <see cref="Describe"/> is the redacted view for display.
/// </summary>
public sealed class ResolvedSettings
{
    /// <summary>The profile used.</summary>
    public required string ProfileName { get; init; }

    /// <summary>Every profile setting's effective value (argument, environment, preference, profile or built-in default).</summary>
    public required ProfileSettings Effective { get; init; }

    /// <summary>Organization name, if any source set one.</summary>
    public string? Org => Effective.Org;

    /// <summary>Organization id, if any source set one.</summary>
    public string? OrgId => Effective.OrgId;

    /// <summary>Region, if any source set one.</summary>
    public string? Region => Effective.Region;

    /// <summary>OAuth client id.</summary>
    public string ClientId => Effective.ClientId!;

    /// <summary>Refresh token (secret).</summary>
    public string? RefreshToken => Effective.RefreshToken;

    /// <summary>Seed id token (secret).</summary>
    public string? AccessToken => Effective.AccessToken;

    /// <summary>API endpoint.</summary>
    public string BaseUrl => Effective.BaseUrl!;

    /// <summary>Identity provider.</summary>
    public string OAuthUrl => Effective.OAuthUrl!;

    /// <summary>Per-request timeout.</summary>
    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(Effective.RequestTimeoutSeconds!.Value);

    /// <summary>Whether TLS certificates are verified.</summary>
    public bool VerifySsl => Effective.VerifySsl!.Value;

    /// <summary>Retry policy, merged field by field.</summary>
    public required RetryOptions Retry { get; init; }

    /// <summary>Cache policy, merged field by field.</summary>
    public required CacheOptions Cache { get; init; }

    /// <summary>Absolute path of state.db.</summary>
    public required string StatePath { get; init; }

    /// <summary>The configuration file used (null for runtime configurations).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Where the configuration came from (<see cref="LoadedConfig.SourceName"/>).</summary>
    public required string ConfigSource { get; init; }

    /// <summary>
    /// Source of each value, by key (<c>profile</c>, setting keys, <c>retry.KEY</c>, <c>cache.KEY</c>, <c>state_path</c>):
    /// <c>argument</c>, <c>env:NAME</c>, <c>state:KEY</c>, <c>profile:NAME</c>, <c>config:KEY</c>,
    /// <c>config-directory</c>, <c>default</c> or <c>unset</c>.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    /// <summary>What chose the profile (<see cref="Sources"/> of <c>profile</c>).</summary>
    public string ProfileSource => Sources[ConfigResolver.ProfileKey];

    /// <summary>Surprising outcomes worth telling the user, e.g. a state preference overriding the file's active profile.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Every effective value with its source, as a plain tree for <c>config info --resolved</c>. Secret values are
    /// shown as <c>&lt;redacted&gt;</c> (or null when unset).
    /// </summary>
    public IDictionary<string, object?> Describe()
    {
        var values = new List<(string Key, object? Value)> { (ConfigResolver.ProfileKey, ProfileName) };
        values.AddRange(ProfileSettings.Declared.Where(d => !d.Setting.FeedsRetry).Select(d => (d.Setting.Key, d.Property.GetValue(Effective))));
        values.AddRange(OptionsMapping.Describe(typeof(RetryConfig), Retry).Select(field => ($"retry.{field.Key}", field.Value)));
        values.AddRange(OptionsMapping.Describe(typeof(CacheConfig), Cache).Select(field => ($"cache.{field.Key}", field.Value)));
        values.Add((ConfigResolver.StatePathKey, StatePath));

        var described = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            described[key] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["value"] = value is not null && ConfigRedactor.IsSecretKey(key) ? ConfigRedactor.Placeholder : value,
                ["source"] = Sources.GetValueOrDefault(key, "default"),
            };
        }

        described["_config"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["source"] = ConfigSource, ["path"] = ConfigPath };
        if (Warnings.Count > 0)
        {
            described["_warnings"] = Warnings.Select(warning => (object?)warning).ToList();
        }

        return described;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"profile={ProfileName} org={Org} region={Region} base_url={BaseUrl} (config {ConfigSource})");
}
