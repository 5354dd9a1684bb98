using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Catalog;
using RsSpot.Emulator.Resources;
using RsSpot.Emulator.State;

namespace RsSpot.Emulator.Inventory;

/// <summary>
/// Seeds the default organization with a VM cloudspace, its VM pools and assigned servers, so that VM
/// registration workflows have machines to walk.
/// </summary>
internal static class InventorySeed
{
    public const string VmCloudSpaceName = "vm-lab";
    public const string VmCloudSpaceLabel = "ngpc.rxt.io/vmcloudspace";
    private const string Region = "us-east-iad-1";

    private static readonly (string Pool, string ServerClass, string Bid, int Count)[] Pools =
    [
        ("3c9d2b7e-41f0-4a8e-9d61-7b2f5e0c1a94", "gp.vs1.large-iad", "0.080", 2),
        ("8e1f4a6c-2d3b-4c5e-a7f9-0b1c2d3e4f50", "mh.vs1.xlarge-iad", "0.150", 1),
    ];

    public static void Seed(EmulatorState state, EmulatorOrganization organization, DateTimeOffset now)
    {
        var created = RequestContextTimestamp(now - TimeSpan.FromDays(3));
        var servers = new JObject();
        foreach (var (pool, serverClass, bid, count) in Pools)
        {
            var info = ServerClassCatalog.Find(serverClass)!;
            for (var i = 1; i <= count; i++)
            {
                var serverName = CatalogEndpoints.StableUid($"{pool}/vm/{i}");
                servers[serverName] = new JObject
                {
                    ["ipAddress"] = string.Create(CultureInfo.InvariantCulture, $"10.40.{servers.Count + 1}.{10 + i}"),
                    ["cpu"] = info.Cpu.ToString(CultureInfo.InvariantCulture),
                    ["memory"] = ServerClassCatalog.MemoryText(info),
                    ["displayName"] = $"{info.DisplayName} #{i}",
                    ["serverClassName"] = serverClass,
                    ["serverName"] = serverName,
                    ["serverType"] = "spot",
                    ["nodePoolName"] = pool,
                    ["state"] = "Running",
                    ["error"] = string.Empty,
                };
            }

            Put(state, ResourceKind.VmPools, organization.Namespace, pool, created, new JObject
            {
                ["bidPrice"] = bid,
                ["desired"] = count,
                ["poolType"] = "spot",
                ["serverClass"] = serverClass,
                ["vmCloudSpace"] = VmCloudSpaceName,
                ["vmImage"] = "ubuntu-24.04",
                ["vmUserData"] = string.Empty,
            }, new JObject { ["bidStatus"] = "Fulfilled", ["wonCount"] = count },
            new JObject { [VmCloudSpaceLabel] = VmCloudSpaceName });
        }

        Put(state, ResourceKind.VmCloudSpaces, organization.Namespace, VmCloudSpaceName, created, new JObject
        {
            ["region"] = Region,
            ["webhook"] = string.Empty,
            ["vmSshKeyRef"] = new JObject { ["name"] = "lab-key", ["namespace"] = organization.Namespace },
            ["bidRequests"] = new JArray(Pools.Select(p => p.Pool)),
        }, new JObject
        {
            ["assignedServers"] = servers,
            ["bids"] = new JObject(Pools.Select(p => new JProperty(p.Pool,
                new JObject { ["bidName"] = p.Pool, ["type"] = "spot", ["wonCount"] = p.Count }))),
            ["phase"] = "Ready",
            ["reason"] = string.Empty,
            ["health"] = "Healthy",
        }, null);
    }

    private static void Put(EmulatorState state, ResourceKind kind, string ns, string name, string created, JObject spec, JObject status, JObject? labels)
    {
        var metadata = new JObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["uid"] = CatalogEndpoints.StableUid(kind.Plural + "/" + name),
            ["resourceVersion"] = state.NextResourceVersion(),
            ["generation"] = 1,
            ["creationTimestamp"] = created,
        };
        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        state.Put(new StoredObject
        {
            Plural = kind.Plural,
            Namespace = ns,
            Name = name,
            Body = new JObject
            {
                ["apiVersion"] = ResourceKind.ApiVersion,
                ["kind"] = kind.Kind,
                ["metadata"] = metadata,
                ["spec"] = spec,
                ["status"] = status,
            },
        });
    }

    private static string RequestContextTimestamp(DateTimeOffset at) => Routing.RequestContext.Format(at);
}
