namespace RsSpot.Http;

/// <summary>
/// Read-only mode in one place: which calls change something, and the one-line refusal. The operations refuse a
/// change before their first request (no token exchange, no lookup); <see cref="ReadOnlyHandler"/> refuses any
/// changing request that still reaches the pipeline (raw requests, anything new).
/// </summary>
internal static class ReadOnlyGuard
{
    /// <summary>The setting's key, and its label in <c>config info --resolved</c>.</summary>
    public const string SettingKey = "read_only";

    private static readonly string[] ChangingSuffixes = ["_Create", "_Delete", "_DeleteCollection", "_Patch", "_Replace"];

    /// <summary>Whether an HTTP method changes the resource it is sent to.</summary>
    public static bool Changes(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch || method == HttpMethod.Delete;

    /// <summary>Whether an operation id of the contract (<c>SpotNodePools_Create</c>) changes something.</summary>
    public static bool Changes(string operationId) => ChangingSuffixes.Any(s => operationId.EndsWith(s, StringComparison.Ordinal));

    /// <summary>The refusal of <paramref name="action"/>, naming what turned read-only mode on (<paramref name="source"/>).</summary>
    public static SpotReadOnlyException Refusal(string action, string? source) =>
        new($"read-only mode ({Describe(source)}) refuses {action}; nothing was sent. Turn it off to make changes");

    private static string Describe(string? source) => source switch
    {
        null or "argument" => "--read-only / SpotClientOptions.ReadOnly",
        _ when source.StartsWith("env:", StringComparison.Ordinal) => $"environment variable {source[4..]}",
        _ when source.StartsWith("profile:", StringComparison.Ordinal) => $"read_only: true in profile '{source[8..]}'",
        _ => source,
    };
}
