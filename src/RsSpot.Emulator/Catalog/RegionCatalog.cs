namespace RsSpot.Emulator.Catalog;

/// <summary>One Spot region: id, description, country, under-cloud generation and class-name suffix.</summary>
internal sealed record RegionInfo(string Name, string Description, string Country, string Generation, string Suffix, string ProviderRegion);

/// <summary>The eight regions of the public service (spot-api.md §5.2).</summary>
internal static class RegionCatalog
{
    public static readonly IReadOnlyList<RegionInfo> All =
    [
        new("us-central-dfw-1", "US Central, Dallas Fort Worth, TX", "USA", "v1", "dfw", "DFW3"),
        new("us-central-dfw-2", "US Central, Dallas Fort Worth, TX", "USA", "v2", "dfw2", "DFW4"),
        new("us-east-iad-1", "US East, Ashburn, VA", "USA", "v1", "iad", "IAD3"),
        new("us-central-ord-1", "US Central, Chicago, IL", "USA", "v1", "ord", "ORD1"),
        new("us-west-sjc-1", "US West, San Jose, CA", "USA", "v2", "sjc", "SJC3"),
        new("uk-lon-1", "United Kingdom, London", "GBR", "v1", "lon", "LON3"),
        new("hkg-hkg-1", "Hong Kong, Hong Kong", "HKG", "v1", "hkg", "HKG1"),
        new("aus-syd-1", "Sydney, Australia", "AUS", "v1", "syd", "SYD2"),
    ];

    public static RegionInfo? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}
