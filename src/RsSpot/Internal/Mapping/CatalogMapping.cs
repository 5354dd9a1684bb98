using System.Globalization;
using RsSpot.Models;
using Wire = RsSpot.Api;

namespace RsSpot.Internal.Mapping;

/// <summary>Maps generated catalogue and price-feed models to the public ones.</summary>
internal static class CatalogMapping
{
    public static Organization ToModel(this Wire.Organization o) => new()
    {
        Id = o.Id,
        Name = o.Name,
        DisplayName = o.Display_name,
        Namespace = string.IsNullOrEmpty(o.Metadata?.Namespace) ? Organization.NamespaceOf(o.Id) : o.Metadata!.Namespace!,
    };

    public static Region ToModel(this Wire.Region r) => new()
    {
        Name = r.Metadata?.Name ?? "",
        Description = r.Spec?.Description,
        Country = r.Spec?.Country,
        Generation = r.Spec?.Generation,
        ProviderType = r.Spec?.Provider?.ProviderType,
        ProviderRegionName = r.Spec?.Provider?.ProviderRegionName,
    };

    public static ServerClass ToModel(this Wire.ServerClass c) => new()
    {
        Name = c.Metadata?.Name ?? "",
        Region = c.Spec?.Region ?? "",
        DisplayName = c.Spec?.DisplayName,
        Category = c.Spec?.Category,
        Availability = c.Spec?.Availability,
        FlavorType = c.Spec?.FlavorType,
        Cpu = c.Spec?.Resources?.Cpu,
        Memory = c.Spec?.Resources?.Memory,
        Gpu = c.Spec?.Resources?.Gpu,
        Disk = c.Spec?.Resources?.Disk,
        MinBidPricePerHour = WireText.Money(c.Spec?.MinBidPricePerHour),
        MarketPricePerHour = WireText.Money(c.Status?.SpotPricing?.MarketPricePerHour),
        HammerPricePerHour = WireText.Money(c.Status?.SpotPricing?.HammerPricePerHour),
        OnDemandPricePerHour = WireText.Money(c.Spec?.OnDemandPricing?.Cost),
        Capacity = c.Status?.Capacity,
        Available = c.Status?.Available,
        Reserved = c.Status?.Reserved,
        LastAuction = c.Status?.LastAuction is { } t ? DateTimeOffset.FromUnixTimeSeconds(t) : null,
    };

    public static IReadOnlyList<PricePoint> ToModel(this Wire.PriceHistory h) =>
        h.History
            .Select(p => new PricePoint(DateTimeOffset.FromUnixTimeSeconds(p.Run_at), Exact(p.Hammer_price)))
            .OrderBy(p => p.RunAt)
            .ToList();

    public static IReadOnlyList<ClassPercentiles> ToModel(this Wire.Percentiles p) =>
        p.Regions
            .SelectMany(region => (region.Value.Serverclasses ?? new Dictionary<string, Wire.PercentileEntry>()).Select(entry => new ClassPercentiles
            {
                Region = region.Key,
                Generation = region.Value.Generation,
                ServerClass = entry.Key,
                DisplayName = entry.Value.Display_name,
                Category = entry.Value.Category,
                Cpu = entry.Value.Cpu,
                Memory = entry.Value.Memory,
                MarketPrice = WireText.Money(entry.Value.Market_price),
                P20 = ToDecimal(entry.Value._20_percentile),
                P50 = ToDecimal(entry.Value._50_percentile),
                P80 = ToDecimal(entry.Value._80_percentile),
            }))
            .OrderBy(c => c.Region, StringComparer.Ordinal).ThenBy(c => c.ServerClass, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<ClassComparison> ToModel(this Wire.ComparablePrices p) =>
        p.Regions
            .SelectMany(region => region.Value.Select(entry => new ClassComparison
            {
                Region = region.Key,
                ServerClass = entry.Key,
                HyperscalerAveragePrice = WireText.Money(entry.Value.Hyperscaler_average_price),
                Comparables = (entry.Value.Comparables ?? []).Select(c => new ComparableInstance(c.Cloud, c.Class, WireText.Money(c.Price))).ToList(),
            }))
            .OrderBy(c => c.Region, StringComparer.Ordinal).ThenBy(c => c.ServerClass, StringComparer.Ordinal)
            .ToList();

    public static OrganizationEvents ToModel(this Wire.OrganizationEvents e) => new()
    {
        OrgId = e.Org_id,
        CloudSpaceId = e.Cloudspace_id,
        Type = e.Type,
        Events = (e.Events ?? [])
            .Where(pair => pair.Count > 0)
            .Select(pair => new OrganizationEvent(pair[0], string.Join(" | ", pair.Skip(1))))
            .ToList(),
    };

    // Feed numbers are binary doubles on the wire; going through the shortest round-trip text keeps 0.011 as 0.011m.
    private static decimal Exact(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal? ToDecimal(double? value) => value is null ? null : Exact(value.Value);
}
