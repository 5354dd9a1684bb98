namespace RsSpot.Configuration;

/// <summary>
/// Every effective setting: each <see cref="ProfileSettings"/> value from its winning source (never null when it has a default),
/// the merged retry and cache policies, and each value's source.
/// </summary>
internal sealed class ResolvedSettings : ProfileSettings
{
    public required string ProfileName { get; init; }

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds ?? 0);

    public required RetryOptions Retry { get; init; }

    public required CacheOptions Cache { get; init; }

    public required string StatePath { get; init; }

    public string? ConfigPath { get; init; }

    /// <summary>Where the configuration came from (<see cref="LoadedConfig.SourceName"/>).</summary>
    public required string ConfigSource { get; init; }

    /// <summary>Source of each value by key: <c>argument</c>, <c>env:NAME</c>, <c>state:KEY</c>, <c>profile:NAME</c>, <c>config:KEY</c>, <c>default</c>, <c>unset</c>...</summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    public string ProfileSource => Sources[ConfigResolver.ProfileKey];

    /// <summary>Surprising outcomes worth telling the user, e.g. a state preference overriding the file's active profile.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every effective value with its source, for <c>config info --resolved</c>; secrets shown as <c>&lt;redacted&gt;</c>.</summary>
    public IDictionary<string, object?> Describe()
    {
        var values = Declared.Where(d => !d.Setting.FeedsRetry).Select(d => (d.Setting.Key, Value: d.Property.GetValue(this)))
            .Prepend((ConfigResolver.ProfileKey, ProfileName))
            .Concat(OptionsMapping.Describe(Retry))
            .Concat(OptionsMapping.Describe(Cache))
            .Append((ConfigResolver.StatePathKey, StatePath));
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
}

/// <summary>Values given explicitly by the caller (constructor arguments or CLI flags); each one set here outranks every other source.</summary>
internal sealed class ResolveRequest : ProfileSettings
{
    /// <summary>Profile name (CLI <c>-p</c>). A named profile that does not exist is an error.</summary>
    public string? Profile { get; init; }

    /// <summary>Complete retry options, replacing every configured retry setting (legacy knobs set here still apply over them).</summary>
    public RetryOptions? Retry { get; init; }

    /// <summary>Complete cache options, replacing every configured cache setting.</summary>
    public CacheOptions? Cache { get; init; }

    /// <summary>state.db location (relative paths are taken from the working directory).</summary>
    public string? StatePath { get; init; }
}
