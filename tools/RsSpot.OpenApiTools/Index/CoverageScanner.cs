using System.Reflection;
using System.Runtime.Loader;

namespace RsSpot.OpenApiTools.Index;

/// <summary>Which user-facing surface a covering member belongs to.</summary>
public enum CoverageSurface
{
    /// <summary>The public SDK facade (the RsSpot assembly).</summary>
    Facade,

    /// <summary>The <c>rsspot</c> command line.</summary>
    Cli,
}

/// <summary>An assembly to scan and the surface its members count for.</summary>
/// <param name="Assembly">The assembly.</param>
/// <param name="Surface">The surface its <c>[SpotOperation]</c> methods cover.</param>
public sealed record ScanTarget(Assembly Assembly, CoverageSurface Surface);

/// <summary>A method group covering an operation, e.g. <c>CloudSpacesOperations.List/ListAsync</c>.</summary>
/// <param name="Surface">Facade or CLI.</param>
/// <param name="Name"><c>Type.Method</c>, with a sync/async pair collapsed into <c>Type.Method/MethodAsync</c>.</param>
public sealed record CoveringMember(CoverageSurface Surface, string Name);

/// <summary>
/// Finds the methods that carry <c>[RsSpot.SpotOperation("OperationId")]</c>. Attributes are matched by
/// type name, not identity, so assemblies loaded from another build output still count.
/// </summary>
public static class CoverageScanner
{
    /// <summary>Full name of the attribute looked for.</summary>
    public const string AttributeName = "RsSpot.SpotOperationAttribute";

    /// <summary>Assembly names the CLI may have; whichever ships next to the tool is scanned by default.</summary>
    public static readonly IReadOnlyList<string> CliAssemblyNames = ["rsspot", "RsSpot.Cli"];

    /// <summary>
    /// The default scan set, shared by the tool and the index test: the SDK facade (always referenced),
    /// plus the CLI when its assembly sits in <paramref name="directory"/> (the tool's own output folder
    /// when null; the tool references the CLI project once it exists, which puts it there).
    /// </summary>
    public static IReadOnlyList<ScanTarget> DefaultTargets(string? directory = null)
    {
        directory ??= AppContext.BaseDirectory;
        var targets = new List<ScanTarget> { new(typeof(SpotClient).Assembly, CoverageSurface.Facade) };
        targets.AddRange(CliAssemblyNames
            .Select(name => Path.Combine(directory, name + ".dll"))
            .Where(File.Exists)
            .Select(path => Load(path, CoverageSurface.Cli)));
        return targets;
    }

    /// <summary>Loads the assembly at <paramref name="path"/> (with its own dependencies) for scanning.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    public static ScanTarget Load(string path, CoverageSurface surface)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"no assembly at {fullPath}", fullPath);
        }

        var name = AssemblyName.GetAssemblyName(fullPath);
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
        return new ScanTarget(loaded ?? new ScanLoadContext(fullPath).LoadFromAssemblyPath(fullPath), surface);
    }

    /// <summary>Maps each operationId to the members that cover it, ordered by surface and name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CoveringMember>> Scan(IEnumerable<ScanTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var methodsByOperation = new Dictionary<string, HashSet<(CoverageSurface Surface, string Type, string Method)>>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            foreach (var method in AnnotatedMethods(target.Assembly))
            {
                foreach (var operationId in OperationIds(method))
                {
                    if (!methodsByOperation.TryGetValue(operationId, out var methods))
                    {
                        methodsByOperation[operationId] = methods = [];
                    }

                    methods.Add((target.Surface, TypeName(method.DeclaringType!), method.Name));
                }
            }
        }

        return methodsByOperation.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<CoveringMember>)Collapse(p.Value).ToList(),
            StringComparer.Ordinal);
    }

    // Sync/async twins share one entry: List + ListAsync → "Type.List/ListAsync".
    private static IEnumerable<CoveringMember> Collapse(IEnumerable<(CoverageSurface Surface, string Type, string Method)> methods) =>
        methods
            .GroupBy(m => (m.Surface, m.Type, Base: m.Method.EndsWith("Async", StringComparison.Ordinal) ? m.Method[..^5] : m.Method))
            .Select(g => new CoveringMember(
                g.Key.Surface,
                $"{g.Key.Type}.{string.Join('/', g.Select(m => m.Method).Distinct().OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal))}"))
            .OrderBy(m => m.Surface)
            .ThenBy(m => m.Name, StringComparer.Ordinal);

    private static IEnumerable<MethodInfo> AnnotatedMethods(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return LoadableTypes(assembly)
            .SelectMany(t => t.GetMethods(all))
            .Where(m => OperationIds(m).Any());
    }

    private static IEnumerable<string> OperationIds(MethodInfo method) =>
        method.CustomAttributes
            .Where(a => a.AttributeType.FullName == AttributeName && a.ConstructorArguments.Count == 1)
            .Select(a => a.ConstructorArguments[0].Value as string)
            .OfType<string>();

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Types whose dependencies cannot load hold no reachable attributes; scan the rest.
            return e.Types.OfType<Type>();
        }
    }

    private static string TypeName(Type type)
    {
        var name = type.Name.Split('`')[0];
        return type.DeclaringType is { } outer ? $"{TypeName(outer)}.{name}" : name;
    }

    /// <summary>Resolves a scanned assembly's dependencies from its own folder (its deps.json when present).</summary>
    private sealed class ScanLoadContext(string mainAssemblyPath) : AssemblyLoadContext(isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
