using Newtonsoft.Json.Linq;

namespace RsSpot.Emulator.Routing;

/// <summary>
/// Compares the emulator's routes with the operations of an OpenAPI document (by method and path), so the contract
/// tests follow the document instead of a hard-coded operation count: an operation added to the document fails them
/// by name until the emulator serves it.
/// </summary>
internal static class ContractCoverage
{
    /// <summary>The operationIds of <paramref name="document"/> that no route serves.</summary>
    public static IReadOnlyList<string> Unserved(IReadOnlyList<Route> routes, JObject document) =>
        [.. Operations(document).Where(o => !routes.Any(r => r.Method == o.Method && r.HasPath(o.Path))).Select(o => o.OperationId)];

    /// <summary>The routes (<c>METHOD /template</c>) that serve no operation of <paramref name="document"/>.</summary>
    public static IReadOnlyList<string> Undocumented(IReadOnlyList<Route> routes, JObject document)
    {
        var operations = Operations(document).ToList();
        return [.. routes.Where(r => !operations.Any(o => o.Method == r.Method && r.HasPath(o.Path))).Select(r => $"{r.Method} {r.Template}")];
    }

    /// <summary>Method (upper case), path template, operationId and definition of every operation of <paramref name="document"/>.</summary>
    public static IEnumerable<(string Method, string Path, string OperationId, JObject Definition)> Operations(JObject document) =>
        from path in (document["paths"] as JObject ?? []).Properties()
        from operation in ((JObject)path.Value).Properties()
        where operation.Name != "parameters"
        select (operation.Name.ToUpperInvariant(), path.Name,
            operation.Value.Value<string>("operationId") ?? $"{operation.Name.ToUpperInvariant()} {path.Name}", (JObject)operation.Value);
}
