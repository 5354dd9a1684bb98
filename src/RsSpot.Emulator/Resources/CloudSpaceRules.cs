using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Catalog;
using RsSpot.Emulator.Pins;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.State;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Resources;

/// <summary>
/// Cloudspaces: DNS-label names, known regions, server defaults and the lifecycle Provisioning -> Ready
/// (after <see cref="SpotEmulatorOptions.ProvisioningDelay"/>) -> Deleting -> gone, evaluated lazily from the clock.
/// </summary>
internal sealed partial class CloudSpaceRules : IResourceRules
{
    public const string Provisioning = "Provisioning";
    public const string Ready = "Ready";
    public const string Deleting = "Deleting";

    public ResourceKind Kind => ResourceKind.CloudSpaces;

    public IReadOnlyList<string> ImmutableFields { get; } = ["spec.region", "spec.cloud", "spec.deploymentType"];

    public void ApplyDefaults(RequestContext context, JObject body)
    {
        var spec = JsonMerge.Child(body, "spec");
        spec["cloud"] ??= "default";
        spec["cni"] ??= "calico";
        spec["deploymentType"] ??= "gen2";
        spec["webhook"] ??= string.Empty;
        spec["HAControlPlane"] ??= false;
        spec["gpuEnabled"] ??= false;
        spec["type"] ??= string.Empty;
    }

    public EmulatorResponse? Validate(RequestContext context, JObject body, StoredObject? existing)
    {
        var name = body["metadata"]!.Value<string>("name")!;
        var spec = (JObject)body["spec"]!;
        var errors = new List<FieldError>();
        if (!DnsLabel().IsMatch(name))
        {
            errors.Add(new("metadata.name", $"Invalid value: \"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 63 characters"));
        }

        foreach (var required in new[] { "region", "kubernetesVersion" })
        {
            if (string.IsNullOrEmpty(spec.Value<string>(required)))
            {
                errors.Add(FieldError.Required("spec." + required));
            }
        }

        if (errors.Count > 0)
        {
            return Respond.Invalid(Kind.Kind, Kind.Plural, name, errors);
        }

        var region = spec.Value<string>("region")!;
        if (RegionCatalog.Find(region) is null)
        {
            return Respond.Denied(Kind.Webhook, $"region \"{region}\" is not a valid region");
        }

        return spec.Value<string>("cni") is "calico" or "cilium" or "byocni"
            ? null
            : Respond.Denied(Kind.Webhook, $"cni \"{spec.Value<string>("cni")}\" is not supported, use calico, cilium or byocni");
    }

    public void OnCreated(RequestContext context, StoredObject stored)
    {
        stored.Body["status"] = new JObject { ["phase"] = Provisioning, ["health"] = "Provisioning", ["APIServerEndpoint"] = string.Empty };
        stored.ReadyAt = context.Now + context.Options.ProvisioningDelay;
        Advance(context.State, stored, context.Now);
    }

    public void Delete(RequestContext context, StoredObject stored)
    {
        var delay = context.Options.EffectiveDeletionDelay;
        if (delay <= TimeSpan.Zero)
        {
            Remove(context.State, stored);
            return;
        }

        stored.Body["metadata"]!["deletionTimestamp"] = context.Timestamp;
        stored.Body["status"]!["phase"] = Deleting;
        stored.Body["metadata"]!["resourceVersion"] = context.State.NextResourceVersion();
        stored.ReadyAt = null;
        stored.RemoveAt = context.Now + delay;
    }

    public JObject Render(RequestContext context, StoredObject stored)
    {
        var body = (JObject)stored.Body.DeepClone();
        var pools = NodePoolRules.PoolsOf(context.State, stored.Namespace, stored.Name).ToList();
        body["spec"]!["bidRequests"] = new JArray(pools.Where(p => p.Plural == ResourceKind.SpotNodePools.Plural).Select(p => p.Name));
        body["spec"]!["onDemandRequests"] = new JArray(pools.Where(p => p.Plural == ResourceKind.OnDemandNodePools.Plural).Select(p => p.Name));
        var status = (JObject)body["status"]!;
        var bids = new JObject();
        var servers = new JObject();
        foreach (var pool in pools)
        {
            var (type, won, _) = NodePoolRules.Allocation(context.State, context.Now, pool);
            bids[pool.Name] = new JObject { ["bidName"] = pool.Name, ["type"] = type, ["wonCount"] = won };
            if (status.Value<string>("phase") != Ready)
            {
                continue;
            }

            for (var i = 1; i <= won; i++)
            {
                var serverName = NodePoolRules.ServerName(pool.Name, i);
                servers[serverName] = new JObject
                {
                    ["IP"] = $"10.{PriceModel.Hash(stored.Name) % 200}.{PriceModel.Hash(pool.Name) % 250}.{i + 10}",
                    ["clusterRole"] = "worker",
                    ["serverClassName"] = pool.Body["spec"]!.Value<string>("serverClass"),
                    ["serverName"] = serverName,
                    ["serverType"] = type,
                    ["state"] = "Active",
                };
            }
        }

        status["bids"] = bids;
        status["assignedServers"] = servers;
        status["pendingAllocations"] = new JObject();
        PinOverlay.Apply(context.State, stored, status);
        return body;
    }

    /// <summary>Applies the transitions that are due at <paramref name="now"/>; true when anything changed.</summary>
    public static bool AdvanceAll(EmulatorState state, DateTimeOffset now)
    {
        var changed = false;
        foreach (var stored in state.Objects.Values.Where(o => o.Plural == ResourceKind.CloudSpaces.Plural).ToList())
        {
            changed |= Advance(state, stored, now);
        }

        return changed;
    }

    private static bool Advance(EmulatorState state, StoredObject stored, DateTimeOffset now)
    {
        if (stored.RemoveAt is { } removeAt && removeAt <= now)
        {
            Remove(state, stored);
            state.RecordEvent(stored.Namespace, removeAt, $"CloudSpace {stored.Name} removed");
            return true;
        }

        if (stored.ReadyAt is not { } readyAt || readyAt > now)
        {
            return false;
        }

        var readyTime = RequestContext.Format(readyAt);
        var uid = stored.Body["metadata"]!.Value<string>("uid")!;
        stored.Body["status"] = new JObject
        {
            ["phase"] = Ready,
            ["health"] = "Healthy",
            ["reason"] = string.Empty,
            ["APIServerEndpoint"] = $"hcp-{uid[..8]}.sandbox.spot.rackspace.invalid",
            ["cloudspaceClassName"] = "default-gen2",
            ["currentKubernetesVersion"] = stored.Body["spec"]!.Value<string>("kubernetesVersion"),
            ["firstReadyTimestamp"] = readyTime,
            ["conditions"] = new JArray(new JObject
            {
                ["type"] = "Ready",
                ["status"] = "True",
                ["reason"] = "ControlPlaneReady",
                ["message"] = string.Empty,
                ["lastTransitionTime"] = readyTime,
            }),
        };
        stored.Body["metadata"]!["resourceVersion"] = state.NextResourceVersion();
        stored.ReadyAt = null;
        state.RecordEvent(stored.Namespace, readyAt, $"CloudSpace {stored.Name} is Ready");
        return true;
    }

    /// <summary>Removes a cloudspace and, as the control plane goes with it, its node pools.</summary>
    private static void Remove(EmulatorState state, StoredObject stored)
    {
        foreach (var pool in NodePoolRules.PoolsOf(state, stored.Namespace, stored.Name).ToList())
        {
            state.Remove(pool);
        }

        state.Remove(stored);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
