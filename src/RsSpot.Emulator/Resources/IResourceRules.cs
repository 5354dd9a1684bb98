using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.State;

namespace RsSpot.Emulator.Resources;

/// <summary>What makes one kind of resource special; <see cref="ResourceEndpoints"/> supplies the Kubernetes semantics.</summary>
internal interface IResourceRules
{
    ResourceKind Kind { get; }

    /// <summary>Dotted paths that may not change after creation.</summary>
    IReadOnlyList<string> ImmutableFields { get; }

    /// <summary>Fills server-side defaults into a new object (spec and labels).</summary>
    void ApplyDefaults(RequestContext context, JObject body);

    /// <summary>Schema and admission checks of a new or updated object; null when it is acceptable.</summary>
    EmulatorResponse? Validate(RequestContext context, JObject body, StoredObject? existing);

    /// <summary>Called once a new object is stored (e.g. to start provisioning).</summary>
    void OnCreated(RequestContext context, StoredObject stored);

    /// <summary>Deletes (or starts deleting) an object.</summary>
    void Delete(RequestContext context, StoredObject stored);

    /// <summary>The object as served, with the fields the server derives at read time.</summary>
    JObject Render(RequestContext context, StoredObject stored);
}
