namespace RsSpot.Emulator.Catalog;

/// <summary>A synthetic server class of the emulator's own catalogue.</summary>
internal sealed record ServerClassInfo(
    string Name, RegionInfo Region, string Family, string Size, int Cpu, decimal Memory, string Category,
    string DisplayName, bool Available, decimal? MinBid, decimal OnDemandPrice, int Capacity, string? Gpu = null)
{
    public bool IsBareMetal => Name.Contains(".bm", StringComparison.Ordinal);
}

/// <summary>
/// The emulator's server classes: gp/ch/mh in every region with the region's vs1/vs2 generation, two GPU
/// classes and one unavailable bare-metal class. Prices are our own deterministic figures, not live data.
/// </summary>
internal static class ServerClassCatalog
{
    private static readonly (string Size, string Label, int Cpu)[] Sizes =
        [("medium", "Medium", 2), ("large", "Large", 4), ("xlarge", "XLarge", 8), ("2xlarge", "2XLarge", 16)];

    // Memory per size for each family and generation (GB), and the on-demand price per vCPU-hour.
    private static readonly Dictionary<(string Family, string Gen), decimal[]> Memory = new()
    {
        [("gp", "v1")] = [3.75m, 15m, 30m, 60m],
        [("ch", "v1")] = [3.75m, 7.5m, 15m, 30m],
        [("mh", "v1")] = [15m, 30m, 60m, 120m],
        [("gp", "v2")] = [4m, 16m, 32m, 64m],
        [("ch", "v2")] = [4m, 8m, 16m],
        [("mh", "v2")] = [16m, 32m, 64m],
    };

    private static readonly Dictionary<string, (string Category, string Display, decimal PerCpu)> Families = new()
    {
        ["gp"] = ("General Purpose", "General Virtual Server", 0.0310m),
        ["ch"] = ("Compute Heavy", "Compute Virtual Server", 0.0285m),
        ["mh"] = ("Memory Heavy", "Memory Virtual Server", 0.0460m),
    };

    public static readonly IReadOnlyList<ServerClassInfo> All = Build();

    public static ServerClassInfo? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>Memory as the API writes it, e.g. 3.75GB.</summary>
    public static string MemoryText(ServerClassInfo info) => info.Memory.ToString(System.Globalization.CultureInfo.InvariantCulture) + "GB";

    private static List<ServerClassInfo> Build()
    {
        var classes = new List<ServerClassInfo>();
        foreach (var region in RegionCatalog.All)
        {
            var gen = region.Generation == "v2" ? "vs2" : "vs1";
            foreach (var (family, (category, display, perCpu)) in Families)
            {
                var memory = Memory[(family, region.Generation)];
                for (var i = 0; i < memory.Length; i++)
                {
                    var (size, label, cpu) = Sizes[i];
                    var name = $"{family}.{gen}.{size}-{region.Suffix}";
                    Add(classes, new ServerClassInfo(name, region, family, size, cpu, memory[i], category,
                        $"{display}.{label}", true, null, cpu * perCpu, 0));
                }
            }
        }

        var sjc = RegionCatalog.Find("us-west-sjc-1")!;
        var dfw2 = RegionCatalog.Find("us-central-dfw-2")!;
        var lon = RegionCatalog.Find("uk-lon-1")!;
        Add(classes, new ServerClassInfo("gpu.vs2.xlargeplusplus-sjc", sjc, "gpu", "xlargeplusplus", 24, 64, "GPU",
            "GPU Virtual Server.A30", true, null, 1.650m, 0, "1"));
        Add(classes, new ServerClassInfo("gpu.vs2.2xlargeplusplus-dfw2", dfw2, "gpu", "2xlargeplusplus", 48, 256, "GPU",
            "GPU Virtual Server.H100", true, null, 4.250m, 0, "1"));
        Add(classes, new ServerClassInfo("io.bm2-lon", lon, "io", string.Empty, 40, 128, "Bare Metal",
            "I/O Bare Metal Server", false, null, 1.120m, 0));
        return classes;
    }

    private static void Add(List<ServerClassInfo> classes, ServerClassInfo draft)
    {
        var seed = PriceModel.Hash(draft.Name);
        // Reserve price ~8 % of on-demand, at least the $0.001 floor; bare metal is being retired (no min bid).
        decimal? minBid = draft.Available ? Math.Max(0.001m, Math.Round(draft.OnDemandPrice * 0.08m, 3)) : null;
        classes.Add(draft with
        {
            MinBid = minBid,
            OnDemandPrice = Math.Round(draft.OnDemandPrice, 4),
            Capacity = draft.Available ? 40 + (int)(seed % 360) : 0,
        });
    }
}
