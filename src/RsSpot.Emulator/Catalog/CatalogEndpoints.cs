using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;

namespace RsSpot.Emulator.Catalog;

/// <summary>Cluster-scoped, read-only regions and server classes (prices follow the clock).</summary>
internal static class CatalogEndpoints
{
    private const string ApiVersion = "ngpc.rxt.io/v1";
    private const string CatalogTimestamp = "2025-01-15T00:00:00Z";

    public static IEnumerable<Route> Routes() =>
    [
        new("GET", "/apis/ngpc.rxt.io/v1/regions", true, c => List("RegionList", RegionCatalog.All.Select(Region))),
        new("GET", "/apis/ngpc.rxt.io/v1/regions/{name}", true, c => RegionCatalog.Find(c.Route("name")) is { } r
            ? Respond.Json(200, Region(r)) : Respond.NotFound("regions", c.Route("name"))),
        new("GET", "/apis/ngpc.rxt.io/v1/serverclasses", true, c => List("ServerClassList", ServerClassCatalog.All.Select(s => ServerClass(s, c)))),
        new("GET", "/apis/ngpc.rxt.io/v1/serverclasses/{name}", true, c => ServerClassCatalog.Find(c.Route("name")) is { } s
            ? Respond.Json(200, ServerClass(s, c)) : Respond.NotFound("serverclasses", c.Route("name"))),
    ];

    private static EmulatorResponse List(string kind, IEnumerable<JObject> items) => Respond.Json(200, new JObject
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = kind,
        ["metadata"] = new JObject { ["resourceVersion"] = "1" },
        ["items"] = new JArray(items),
    });

    private static JObject Region(RegionInfo region) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "Region",
        ["metadata"] = Metadata(region.Name),
        ["spec"] = new JObject
        {
            ["country"] = region.Country,
            ["description"] = region.Description,
            ["generation"] = region.Generation,
            ["provider"] = new JObject { ["providerType"] = "ospc", ["providerRegionName"] = region.ProviderRegion },
        },
    };

    private static JObject ServerClass(ServerClassInfo info, RequestContext context)
    {
        var now = context.Now;
        var latest = PriceModel.LatestAuction(now);
        var reserved = info.Capacity * (int)(PriceModel.Hash(info.Name + latest.ToUnixTimeSeconds()) % 60) / 100;
        var resources = new JObject
        {
            ["cpu"] = info.Cpu.ToString(CultureInfo.InvariantCulture),
            ["memory"] = ServerClassCatalog.MemoryText(info),
        };
        if (info.Gpu is not null)
        {
            resources["gpu"] = info.Gpu;
        }

        return new JObject
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = "ServerClass",
            ["metadata"] = Metadata(info.Name),
            ["spec"] = new JObject
            {
                ["availability"] = info.Available ? "available" : "unavailable",
                ["category"] = info.Category,
                ["displayName"] = info.DisplayName,
                ["flavorType"] = info.IsBareMetal ? "baremetal" : "vm",
                ["minBidPricePerHour"] = info.MinBid is { } min ? PriceModel.Format(min) : string.Empty,
                ["onDemandPricing"] = new JObject { ["cost"] = PriceModel.Format(info.OnDemandPrice), ["interval"] = "1h" },
                ["provider"] = new JObject
                {
                    ["providerType"] = info.IsBareMetal ? "ironic" : "ospc",
                    ["providerFlavorID"] = $"{info.Family}.{info.Size}.{info.Region.Generation}".Replace("..", ".", StringComparison.Ordinal),
                },
                ["region"] = info.Region.Name,
                ["resources"] = resources,
            },
            ["status"] = new JObject
            {
                ["available"] = info.Capacity - reserved,
                ["capacity"] = info.Capacity,
                ["reserved"] = reserved,
                ["lastAuction"] = latest.ToUnixTimeSeconds(),
                ["spotPricing"] = new JObject
                {
                    ["marketPricePerHour"] = PriceModel.Format(PriceModel.MarketPrice(context.State, info, now)),
                    ["hammerPricePerHour"] = PriceModel.Format(PriceModel.HammerPrice(info, latest - PriceModel.AuctionInterval)),
                },
            },
        };
    }

    private static JObject Metadata(string name) => new()
    {
        ["name"] = name,
        ["uid"] = StableUid(name),
        ["resourceVersion"] = "1",
        ["generation"] = 1,
        ["creationTimestamp"] = CatalogTimestamp,
    };

    /// <summary>A uid derived from the name, so catalogue objects keep their uid across runs.</summary>
    public static string StableUid(string name) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString();
}
