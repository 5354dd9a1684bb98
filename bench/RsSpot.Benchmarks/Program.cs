using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using RsSpot.Benchmarks;
using RsSpot.Pricing;

// Usage: dotnet run -c Release --project bench/RsSpot.Benchmarks -- [--out <file>]
var output = args.Length >= 2 && args[0] == "--out" ? args[1] : Path.Combine("bench", "results", "pricing-build.md");
int[] sizes = [1_000, 10_000, 100_000];
(string Name, Func<int, PlanRequest> Request)[] scenarios =
[
    ("single pool, no budget", _ => new PlanRequest { Nodes = 5 }),
    ("balanced low risk (3 pools, one region)", _ => new PlanRequest { Nodes = 5, Risk = PlanRisk.Low, Balanced = true }),
    ("balanced low risk, --max-hour 0.25", _ => new PlanRequest { Nodes = 5, Risk = PlanRisk.Low, Balanced = true, MaxHourly = 0.25m }),
    ("balanced low risk, $1.00-$1.02/hr window", _ => new PlanRequest { Nodes = 5, Risk = PlanRisk.Low, Balanced = true, MinHourly = 1.00m, MaxHourly = 1.02m }),
];

var results = new List<Result>();
foreach (var size in sizes)
{
    var rows = SyntheticCatalog.Generate(size, seed: 42);
    var iterations = size >= 100_000 ? 15 : size >= 10_000 ? 40 : 200;
    var (scan, _) = Measure(iterations, () => Baselines.LinearScan(rows));
    var (sort, _) = Measure(iterations, () => Baselines.SortByPrice(rows));
    foreach (var (name, request) in scenarios)
    {
        PlanRecommendation? plan = null;
        var (median, wall) = Measure(iterations, () => plan = PricingPlanner.Build(rows, request(size)));
        var balanced = plan!.Scenarios.Count == 0 ? null : plan.Scenarios[^1];
        var summary = balanced is null ? plan.Warning ?? "none" : $"{balanced.Pools.Count} pool(s), {PricingFormat.Hourly(balanced.TotalHourly)}/hr";
        results.Add(new Result(size, name, median, wall, scan, sort, summary));
        Console.WriteLine($"{size,7:N0} {name,-45} {median,8:F2} ms cpu {wall,8:F2} ms wall  (scan {scan:F2} ms, sort {sort:F2} ms)  {summary}");
    }
}

File.WriteAllText(output, Report(results));
Console.WriteLine($"wrote {output}");

// Median on-CPU and median wall-clock milliseconds of one call, after 3 warm-up calls.
static (double Cpu, double Wall) Measure(int iterations, Action action)
{
    for (var i = 0; i < 3; i++)
    {
        action();
    }

    var cpu = new double[iterations];
    var wall = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var startedCpu = ThreadClock.NowMilliseconds();
        action();
        cpu[i] = ThreadClock.NowMilliseconds() - startedCpu;
        wall[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    Array.Sort(cpu);
    Array.Sort(wall);
    return (cpu[iterations / 2], wall[iterations / 2]);
}

static string Report(List<Result> results)
{
    var invariant = CultureInfo.InvariantCulture;
    var text = new StringBuilder();
    text.AppendLine("# pricing build benchmark");
    text.AppendLine();
    text.AppendLine(invariant, $"- date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
    text.AppendLine(invariant, $"- machine: {Environment.ProcessorCount} logical cores (nproc), {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
    text.AppendLine(invariant, $"- load average when the run ended: {LoadAverage()}");
    text.AppendLine(invariant, $"- runtime: {RuntimeInformation.FrameworkDescription}, Release, {(Debugger.IsAttached ? "debugger attached" : "no debugger")}");
    text.AppendLine("- method: `PricingPlanner.Build` on synthetic catalogues (seed 42, 8 regions, ~55% of the rows are candidates); 3 warm-up runs, then the median of N timed runs.");
    text.AppendLine(invariant, $"- clock: {(ThreadClock.IsCpuTime ? "on-CPU time of the measuring thread (the machine is shared, so wall time is reported too)" : "wall clock")}.");
    text.AppendLine("- baselines in the same process on the same rows: a linear scan for the highest capacity per dollar (O(n) floor) and a sort of the rows by price (O(n log n)).");
    text.AppendLine();
    text.AppendLine("| classes | scenario | build median (ms) | build wall median (ms) | linear scan (ms) | price sort (ms) | build / sort | balanced result |");
    text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---|");
    foreach (var r in results)
    {
        text.AppendLine(invariant, $"| {r.Size:N0} | {r.Scenario} | {r.Median:F2} | {r.Wall:F2} | {r.Scan:F2} | {r.Sort:F2} | {r.Median / r.Sort:F2} | {r.Plan} |");
    }

    text.AppendLine();
    text.AppendLine("Growth of the build median from 10k to 100k classes (10x more rows; 10 = linear):");
    text.AppendLine();
    foreach (var group in results.GroupBy(r => r.Scenario))
    {
        var at10k = group.Single(r => r.Size == 10_000).Median;
        var at100k = group.Single(r => r.Size == 100_000).Median;
        text.AppendLine(invariant, $"- {group.Key}: x{at100k / at10k:F1}");
    }

    var worst = results.Where(r => r.Size == 100_000).Max(r => r.Median);
    text.AppendLine();
    text.AppendLine(invariant, $"Target (<= 100 ms at 100k classes): {(worst <= 100 ? "met" : "NOT met")}, slowest scenario {worst:F2} ms.");
    return text.ToString();
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

/// <summary>One measured scenario.</summary>
internal sealed record Result(int Size, string Scenario, double Median, double Wall, double Scan, double Sort, string Plan);
