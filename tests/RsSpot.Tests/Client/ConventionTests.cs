using System.Reflection;
using System.Xml.Linq;
using RsSpot.Operations;

namespace RsSpot.Tests.Client;

/// <summary>
/// Rules of the public surface, checked by reflection (as Octokit's convention tests do): sync/async twins, virtual
/// methods, trailing cancellation tokens, XML docs, an async client that mirrors the async surface, and a generated
/// client that is internal.
/// </summary>
public class ConventionTests
{
    private static readonly Assembly Sdk = typeof(SpotClient).Assembly;

    // DeclaredOnly: SpotClient overrides AsyncSpotClient's group properties with covariant (class) types, and
    // reflection lists both the override and the overridden property.
    private static IEnumerable<Type> OperationGroups() =>
        typeof(SpotClient).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(p => p.PropertyType).Where(t => t.Namespace == "RsSpot.Operations");

    /// <summary>Public instance methods including inherited ones (the clients share a base), minus object's and disposal.</summary>
    private static IEnumerable<MethodInfo> PublicMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => !m.IsSpecialName && m.DeclaringType != typeof(object) && m.Name is not ("Dispose" or "DisposeAsync"));

    private static IEnumerable<(Type Owner, MethodInfo Method)> ClientSurface() =>
        OperationGroups().Append(typeof(SpotClient)).SelectMany(t => PublicMethods(t).Select(m => (t, m)));

    [Test]
    public void The_client_exposes_every_service_group()
    {
        Assert.That(OperationGroups().Select(t => t.Name), Is.EquivalentTo(new[]
        {
            nameof(OrganizationsOperations), nameof(RegionsOperations), nameof(ServerClassesOperations), nameof(PricingOperations),
            nameof(CloudSpacesOperations), nameof(SpotNodePoolsOperations), nameof(OnDemandNodePoolsOperations), nameof(InventoryOperations),
        }));
    }

    [Test]
    public void Every_async_method_has_a_sync_twin_with_the_same_parameters()
    {
        var failures = ClientSurface().Where(s => s.Method.Name.EndsWith("Async", StringComparison.Ordinal))
            .Where(s => s.Owner.GetMethod(s.Method.Name[..^5], s.Method.GetParameters().Select(p => p.ParameterType).ToArray()) is null)
            .Select(s => $"{s.Owner.Name}.{s.Method.Name}");

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_sync_method_has_an_async_twin()
    {
        var failures = ClientSurface().Where(s => !s.Method.Name.EndsWith("Async", StringComparison.Ordinal))
            .Where(s => s.Owner.GetMethod(s.Method.Name + "Async", s.Method.GetParameters().Select(p => p.ParameterType).ToArray()) is null)
            .Select(s => $"{s.Owner.Name}.{s.Method.Name}");

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_operation_is_virtual_and_ends_with_an_optional_cancellation_token()
    {
        var failures = ClientSurface().Select(s => s.Method)
            .Where(m => !m.IsVirtual || m.GetParameters() is not [.., { ParameterType: var last, HasDefaultValue: true }] || last != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_client_type_has_a_protected_parameterless_constructor_for_mocking()
    {
        var types = OperationGroups().Append(typeof(SpotClient)).Append(typeof(AsyncSpotClient));

        Assert.That(types.Where(t => t.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is not { IsFamily: true }), Is.Empty);
    }

    [Test]
    public void The_async_client_mirrors_the_async_surface_and_nothing_else()
    {
        foreach (var property in typeof(AsyncSpotClient).GetProperties().Where(p => p.PropertyType.IsInterface))
        {
            var syncGroup = typeof(SpotClient).GetProperty(property.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)!.PropertyType;
            var expected = PublicMethods(syncGroup).Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(Signature);
            var actual = property.PropertyType.GetMethods().Select(Signature);

            Assert.That(actual, Is.EquivalentTo(expected), property.Name);
            Assert.That(property.PropertyType.IsAssignableFrom(syncGroup), Is.True, $"{syncGroup.Name} implements {property.PropertyType.Name}");
        }

        var clientAsync = PublicMethods(typeof(SpotClient)).Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(Signature);
        Assert.That(PublicMethods(typeof(AsyncSpotClient)).Select(Signature), Is.EquivalentTo(clientAsync));
    }

    [Test]
    public void Every_public_member_has_xml_documentation()
    {
        var xml = XDocument.Load(Path.ChangeExtension(Sdk.Location, ".xml"));
        var documented = xml.Descendants("member").Select(m => (string)m.Attribute("name")!).ToHashSet();
        var undocumented = Sdk.GetExportedTypes()
            .Where(t => !documented.Contains("T:" + t.FullName!.Replace('+', '.')))
            .Select(t => t.FullName);

        Assert.That(undocumented, Is.Empty);
    }

    [Test]
    public void The_generated_client_is_compiled_in_and_entirely_internal()
    {
        var generated = Sdk.GetTypes().Where(t => t.Namespace == typeof(Api.SpotJson).Namespace).ToList();

        Assert.That(generated.Select(t => t.Name), Does.Contain("CloudSpacesClient").And.Contain("SpotApiException"), "the NSwag client lives in RsSpot.dll");
        Assert.That(generated.Where(t => t.IsVisible).Select(t => t.FullName), Is.Empty, "no generated type is public");
    }

    private static string Signature(MethodInfo m) => $"{m.ReturnType.Name} {m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";
}
