using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Catalog;
using RsSpot.Emulator.Pins;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.State;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Resources;

/// <summary>
/// Spot and on-demand node pools: lowercase-UUID names, an existing cloudspace, a server class of the
/// cloudspace's region, autoscaling bounds, and for spot pools the bid rules of the "vspotnodepool" webhook.
/// </summary>
internal sealed partial class NodePoolRules(bool spot) : IResourceRules
{
    public static readonly NodePoolRules Spot = new(true);
    public static readonly NodePoolRules OnDemand = new(false);

    public ResourceKind Kind { get; } = spot ? ResourceKind.SpotNodePools : ResourceKind.OnDemandNodePools;

    public IReadOnlyList<string> ImmutableFields { get; } = ["spec.serverClass", "spec.cloudSpace"];

    /// <summary>The spot and on-demand pools of one cloudspace.</summary>
    public static IEnumerable<StoredObject> PoolsOf(EmulatorState state, string ns, string cloudspace) =>
        state.ObjectsOf(ResourceKind.SpotNodePools.Plural, ns)
            .Concat(state.ObjectsOf(ResourceKind.OnDemandNodePools.Plural, ns))
            .Where(p => p.Body["spec"]?.Value<string>("cloudSpace") == cloudspace);

    /// <summary>
    /// Servers a pool holds now: spot pools win their desired count while the bid covers the market price, less the
    /// servers simulated pre-emptions took (<see cref="SpotEmulator.Preempt"/>).
    /// </summary>
    public static (string Type, int Won, int Preempted) Allocation(EmulatorState state, DateTimeOffset now, StoredObject pool)
    {
        var spec = (JObject)pool.Body["spec"]!;
        var desired = spec.Value<int?>("desired") ?? 0;
        if (spec["autoscaling"] is JObject { } scaling && scaling.Value<bool?>("enabled") == true)
        {
            desired = Math.Clamp(desired, scaling.Value<int?>("minNodes") ?? 0, scaling.Value<int?>("maxNodes") ?? desired);
        }

        if (pool.Plural == ResourceKind.OnDemandNodePools.Plural)
        {
            return ("ondemand", desired, 0);
        }

        var info = ServerClassCatalog.Find(spec.Value<string>("serverClass") ?? string.Empty);
        var bid = BidRules.Parse(spec.Value<string>("bidPrice"));
        var wins = info is not null && bid is not null && bid >= PriceModel.MarketPrice(state, info, now);
        var taken = state.Preempted.GetValueOrDefault(StoredObject.KeyOf(pool.Plural, pool.Namespace, pool.Name));
        return ("spot", Math.Max(0, (wins ? desired : 0) - taken), taken);
    }

    /// <summary>The stable name of a pool's <paramref name="index"/>-th server (1-based).</summary>
    public static string ServerName(string pool, int index) => CatalogEndpoints.StableUid($"{pool}/{index}");

    /// <summary>
    /// Takes up to <paramref name="count"/> of a spot pool's servers, as a pre-emption would (the newest go first), and
    /// records an organization event for each; returns their names.
    /// </summary>
    /// <exception cref="ArgumentException">No such spot pool, or it holds no server.</exception>
    public static IReadOnlyList<string> Preempt(EmulatorState state, DateTimeOffset now, string ns, string name, int count)
    {
        var pool = state.Find(ResourceKind.SpotNodePools.Plural, ns, name)
            ?? throw new ArgumentException($"no spot pool '{name}' in namespace '{ns}' (on-demand pools are never pre-empted)", nameof(name));
        var (_, won, taken) = Allocation(state, now, pool);
        if (won == 0)
        {
            throw new ArgumentException($"spot pool '{name}' holds no server to pre-empt", nameof(name));
        }

        var removed = Enumerable.Range(won - Math.Min(count, won) + 1, Math.Min(count, won)).Select(i => ServerName(name, i)).ToList();
        state.Preempted[StoredObject.KeyOf(pool.Plural, ns, name)] = taken + removed.Count;
        foreach (var server in removed)
        {
            state.RecordEvent(ns, now, $"Server {server} of SpotNodePool {name} was pre-empted");
        }

        return removed;
    }

    public void ApplyDefaults(RequestContext context, JObject body)
    {
        var labels = JsonMerge.Child(JsonMerge.Child(body, "metadata"), "labels");
        if (body["spec"]?["cloudSpace"] is JValue { Type: JTokenType.String } cloudspace)
        {
            labels[ResourceKind.CloudSpaceLabel] ??= cloudspace.Value<string>();
        }
    }

    public EmulatorResponse? Validate(RequestContext context, JObject body, StoredObject? existing)
    {
        var name = body["metadata"]!.Value<string>("name")!;
        var spec = body["spec"] as JObject ?? [];
        var errors = new List<FieldError>();
        if (!LowercaseUuid().IsMatch(name))
        {
            errors.Add(new("metadata.name", $"Invalid value: \"{name}\": must be a lowercase UUID"));
        }

        var required = spot ? new[] { "serverClass", "cloudSpace", "desired", "bidPrice" } : ["serverClass", "cloudSpace", "desired"];
        errors.AddRange(required.Where(f => spec[f] is null || spec[f]!.Type == JTokenType.Null).Select(f => FieldError.Required("spec." + f)));
        // Its type (an int32) was checked against the schema before any rule ran.
        if (spec["desired"] is JValue { Type: JTokenType.Integer } desired && desired.Value<long>() < 0)
        {
            errors.Add(new("spec.desired", $"Invalid value: {desired.ToString(Newtonsoft.Json.Formatting.None)}: must be a non-negative integer"));
        }

        if (errors.Count > 0)
        {
            return Respond.Invalid(Kind.Kind, Kind.Plural, name, errors);
        }

        return ValidateReferences(context, spec) ?? ValidateAutoscaling(context, spec, name) ??
            (spot ? BidRules.Validate(Kind.Webhook, spec.Value<string>("bidPrice"), ServerClassCatalog.Find(spec.Value<string>("serverClass")!)!, context.Options.StrictBidIncrement) : null);
    }

    public void OnCreated(RequestContext context, StoredObject stored)
    {
    }

    public void Delete(RequestContext context, StoredObject stored) => context.State.Remove(stored);

    public JObject Render(RequestContext context, StoredObject stored)
    {
        var body = (JObject)stored.Body.DeepClone();
        var spec = (JObject)body["spec"]!;
        var (_, won, preempted) = Allocation(context.State, context.Now, stored);
        var status = new JObject();
        if (spot)
        {
            // Pre-emption leaves a pool short of its servers: Partial until they are given back.
            status["bidStatus"] = won == 0 && spec.Value<int?>("desired") != 0 ? "Pending" : preempted > 0 ? "Partial" : "Fulfilled";
            status["wonCount"] = won;
        }
        else
        {
            status["reservedStatus"] = "Fulfilled";
            status["reservedCount"] = won;
        }

        status["customMetadataStatus"] = new JObject
        {
            ["labels"] = new JArray((spec["customLabels"] as JObject)?.Properties().Select(p => p.Name) ?? []),
            ["annotations"] = new JArray((spec["customAnnotations"] as JObject)?.Properties().Select(p => p.Name) ?? []),
            ["taints"] = new JArray((spec["customTaints"] as JArray)?.Select(t => t.Value<string>("key")) ?? []),
        };
        PinOverlay.Apply(context.State, stored, status);
        body["status"] = status;
        return body;
    }

    private EmulatorResponse? ValidateReferences(RequestContext context, JObject spec)
    {
        var ns = context.Route("namespace");
        var cloudspaceName = spec.Value<string>("cloudSpace")!;
        var cloudspace = context.State.Find(ResourceKind.CloudSpaces.Plural, ns, cloudspaceName);
        if (cloudspace is null || cloudspace.Body["status"]?.Value<string>("phase") == CloudSpaceRules.Deleting)
        {
            return Respond.Denied(Kind.Webhook, $"cloudspace \"{cloudspaceName}\" does not exist in namespace \"{ns}\"");
        }

        var className = spec.Value<string>("serverClass")!;
        var info = ServerClassCatalog.Find(className);
        if (info is null)
        {
            return Respond.Denied(Kind.Webhook, $"serverClass \"{className}\" does not exist");
        }

        var region = cloudspace.Body["spec"]!.Value<string>("region");
        if (info.Region.Name != region)
        {
            return Respond.Denied(Kind.Webhook, $"serverClass \"{className}\" is not offered in region \"{region}\" of cloudspace \"{cloudspaceName}\"");
        }

        return info.Available ? null : Respond.Denied(Kind.Webhook, $"serverClass \"{className}\" is not available");
    }

    private EmulatorResponse? ValidateAutoscaling(RequestContext context, JObject spec, string name)
    {
        if (spec["autoscaling"] is not JObject scaling || scaling.Value<bool?>("enabled") != true)
        {
            return null;
        }

        var min = scaling.Value<int?>("minNodes");
        var max = scaling.Value<int?>("maxNodes");
        if (min is null || max is null || min < 0 || max < min)
        {
            return Respond.Denied(Kind.Webhook, "minNodes and maxNodes are required when autoscaling is enabled, with 0 <= minNodes <= maxNodes");
        }

        // Only spot pools carry the one-autoscaler-per-cloudspace rule (the cluster autoscaler owns one group).
        var cloudspace = spec.Value<string>("cloudSpace")!;
        var another = spot && context.State.ObjectsOf(Kind.Plural, context.Route("namespace")).Any(p =>
            p.Name != name &&
            p.Body["spec"]?.Value<string>("cloudSpace") == cloudspace &&
            p.Body["spec"]?["autoscaling"]?.Value<bool?>("enabled") == true);
        return another
            ? Respond.Denied(Kind.Webhook, $"cloudspace \"{cloudspace}\" already has a SpotNodePool with autoscaling enabled; only one is allowed per cloudspace")
            : null;
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex LowercaseUuid();
}
