using Dapper;
using RsSpot.Configuration;

namespace RsSpot.State;

/// <summary>
/// Persistent user preferences (the <c>preferences</c> table): the default profile, org and region, globally and
/// per profile (keys in <see cref="PreferenceKeys"/>). Keys are validated so a typo cannot silently create a
/// preference nothing reads.
/// </summary>
internal sealed class StatePreferences : IPreferenceStore
{
    private static readonly string ProfileOrgPrefix = PreferenceKeys.ProfileOrg("");
    private static readonly string ProfileRegionPrefix = PreferenceKeys.ProfileRegion("");

    private readonly StateStore _store;

    internal StatePreferences(StateStore store) => _store = store;

    /// <summary>Whether <paramref name="key"/> is one of the supported preference keys.</summary>
    public static bool IsKnownKey(string key) =>
        key is PreferenceKeys.DefaultProfile or PreferenceKeys.DefaultOrg or PreferenceKeys.DefaultRegion
        || (key.StartsWith(ProfileOrgPrefix, StringComparison.Ordinal) && key.Length > ProfileOrgPrefix.Length)
        || (key.StartsWith(ProfileRegionPrefix, StringComparison.Ordinal) && key.Length > ProfileRegionPrefix.Length);

    /// <summary>Value of a preference, or null when unset.</summary>
    public string? Get(string key) =>
        _store.Read(c => Sql.Scalar(c, null, "SELECT value FROM preferences WHERE key = @key", ("key", key)) as string);

    /// <inheritdoc />
    public string? GetPreference(string key) => Get(key);

    /// <inheritdoc />
    public void RemovePreference(string key) => Unset(key);

    /// <summary>Sets a preference (insert or replace).</summary>
    /// <exception cref="ArgumentException">Unknown key or blank value.</exception>
    public void Set(string key, string value)
    {
        RequireKnown(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _store.Write((c, tx) => c.Execute(
            """
            INSERT INTO preferences (key, value, updated_at) VALUES (@key, @value, @now)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            new { key, value = value.Trim(), now = UnixTime.ToMs(_store.Now) },
            tx));
    }

    /// <summary>Removes a preference; returns whether it was set.</summary>
    public bool Unset(string key)
    {
        RequireKnown(key);
        return _store.Write((c, tx) => c.Execute("DELETE FROM preferences WHERE key = @key", new { key }, tx)) > 0;
    }

    /// <summary>Every preference that is set, ordered by key.</summary>
    public IReadOnlyDictionary<string, string> List() =>
        _store.Read(c => c.Query<(string Key, string Value)>("SELECT key, value FROM preferences ORDER BY key"))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static void RequireKnown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsKnownKey(key))
        {
            throw new ArgumentException(
                $"unknown preference '{key}' (expected {PreferenceKeys.DefaultProfile}, {PreferenceKeys.DefaultOrg}, {PreferenceKeys.DefaultRegion}, {ProfileOrgPrefix}<profile> or {ProfileRegionPrefix}<profile>)",
                nameof(key));
        }
    }
}
