using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.State;

namespace RsSpot.Emulator.Inventory;

/// <summary>Read-only VM inventory (vmcloudspaces, vmpools): served as stored, never written through the API.</summary>
internal sealed class InventoryRules(Resources.ResourceKind kind) : Resources.IResourceRules
{
    public Resources.ResourceKind Kind { get; } = kind;

    public IReadOnlyList<string> ImmutableFields { get; } = [];

    public void ApplyDefaults(RequestContext context, JObject body)
    {
    }

    public EmulatorResponse? Validate(RequestContext context, JObject body, StoredObject? existing) => null;

    public void OnCreated(RequestContext context, StoredObject stored)
    {
    }

    public void Delete(RequestContext context, StoredObject stored) => context.State.Remove(stored);

    public JObject Render(RequestContext context, StoredObject stored) => (JObject)stored.Body.DeepClone();
}
