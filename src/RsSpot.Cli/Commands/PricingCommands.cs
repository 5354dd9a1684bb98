using System.Globalization;
using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Output.Pricing;
using RsSpot.Cli.Progress;
using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot pricing list|get|history|build</c>: the pricing explorer and plan builder. The SDK does the work
/// (<see cref="Operations.PricingOperations"/> and <see cref="RsSpot.Pricing"/>); these commands turn flags into
/// queries and results into tables (the default of list, history and build) or json/yaml payloads.
/// </summary>
internal sealed class PricingCommands(CliContext context)
{
    [Command("list", Description = "Explore server class prices for N nodes (a table unless -o is given)")]
    [SpotOperation("ServerClasses_List")]
    public async Task List(
        [Option("region", Description = "Region to keep (repeatable or comma-separated, case-insensitive)")] string[]? region = null,
        [Option("class", Description = "Class prefix to keep, e.g. gp,ch (repeatable or comma-separated)")] string[]? @class = null,
        [Option("min-cpu", Description = "Minimum vCPUs per node")] decimal? minCpu = null,
        [Option("max-cpu", Description = "Maximum vCPUs per node")] decimal? maxCpu = null,
        [Option("min-memory", Description = "Minimum memory per node in GB")] decimal? minMemory = null,
        [Option("gen", Description = "Virtual-server generation: 1 or 2 (drops bare metal)")] int? gen = null,
        [Option("nodes", Description = "Node count the totals are shown for")] int nodes = 1,
        [Option("sort", Description = "Order: price, cpu, memory or value")] string sort = "price",
        [Option("include-unavailable", Description = "Also show classes that cannot be bid on now")] bool includeUnavailable = false)
    {
        PricingFlags.Range(minCpu, maxCpu, "--min-cpu", "--max-cpu");
        PricingFlags.NotNegative(minMemory, "--min-memory");
        var query = new PricingListQuery
        {
            Regions = region ?? [],
            Classes = @class ?? [],
            MinCpu = minCpu,
            MaxCpu = maxCpu,
            MinMemoryGb = minMemory,
            Generation = PricingFlags.Generation(gen),
            Nodes = PricingFlags.AtLeastOne(nodes, "--nodes"),
            Sort = PricingFlags.Sort(sort),
            IncludeUnavailable = includeUnavailable,
        };

        var items = await context.Client.Pricing.QueryAsync(query, context.CancellationToken).ConfigureAwait(false);
        switch (context.Output.FormatFor(OutputFormat.Table))
        {
            case OutputFormat.Table when items.Count == 0:
                context.Output.WriteText(PricingTables.NoListRows);
                break;
            case OutputFormat.Table:
                WriteTable(PricingTables.List(query, items));
                break;
            case OutputFormat.Jsonl:
                context.Output.Write(items.Select(PricingPayloads.ToPayload));
                break;
            default:
                context.Output.Write(PricingPayloads.ToPayload(query, items));
                break;
        }
    }

    [Command("get", Description = "Show the prices of one server class")]
    [SpotOperation("ServerClasses_Get")]
    public async Task Get([Argument("server-class", Description = "Server class name, e.g. gp.vs1.medium-dfw")] string serverClass)
    {
        var found = await context.Client.Pricing.GetAsync(serverClass, context.CancellationToken).ConfigureAwait(false);
        var item = new PricingListItem(PricingRow.FromOffer(ServerClassOffer.From(found)), nodes: 1, SpotDefaults.MonthHours);
        context.Output.Write(item.ToPayload());
    }

    [Command("history", Description = "Hammer-price history of one class: min/median/max and a sparkline (raw points with -o json|yaml)")]
    [SpotOperation("PriceFeeds_GetHistory")]
    public async Task History(
        [Argument("server-class", Description = "Server class name, e.g. gp.vs1.medium-dfw")] string serverClass,
        [Option("width", Description = "Most characters of the sparkline")] int width = 40)
    {
        PricingFlags.AtLeastOne(width, "--width");
        var history = await context.Client.Pricing.GetHistoryAsync(serverClass, context.CancellationToken).ConfigureAwait(false);
        if (context.Output.FormatFor(OutputFormat.Table) == OutputFormat.Table)
        {
            WriteTable(PricingTables.History(serverClass, history, width));
        }
        else
        {
            context.Output.Write(PricingPayloads.ToPayload(serverClass, history));
        }
    }

    [Command("build", Description = "Plan a cluster of N nodes three ways (max_performance, max_value, balanced); --apply creates one plan's pools")]
    [SpotOperation("ServerClasses_List")]
    [SpotOperation("PriceFeeds_GetPercentiles")]
    [SpotOperation("CloudSpaces_Get")]
    [SpotOperation("ServerClasses_Get")]
    [SpotOperation("SpotNodePools_Create")]
    public async Task Build(
        [Option("nodes", Description = "Total nodes of the cluster (required)")] int nodes,
        [Option("risk", Description = "Interruption risk you accept: low, med or high")] string risk = "med",
        [Option("balanced", Description = "Let the balanced plan spread over several pools (the risk sets how many)")] bool balanced = false,
        [Option("single", Description = "Keep every plan to one pool (the default)")] bool single = false,
        [Option("multi-region", Description = "Let a balanced plan mix regions (needs one cloudspace per region)")] bool multiRegion = false,
        [Option("classes", Description = "Class prefixes to consider (default gp,ch,mh; repeatable or comma-separated)")] string[]? classes = null,
        [Option("regions", Description = "Regions to consider (repeatable or comma-separated, case-insensitive)")] string[]? regions = null,
        [Option("gen", Description = "Virtual-server generation: 1 or 2")] int? gen = null,
        [Option("min-hour", Description = "Lowest cluster cost per hour (USD)")] decimal? minHour = null,
        [Option("max-hour", Description = "Highest cluster cost per hour (USD)")] decimal? maxHour = null,
        [Option("min-month", Description = "Lowest cluster cost per month (USD)")] decimal? minMonth = null,
        [Option("max-month", Description = "Highest cluster cost per month (USD)")] decimal? maxMonth = null,
        [Option("no-percentiles", Description = "Bid by market multiplier instead of the auction percentiles feed")] bool noPercentiles = false,
        [Option("apply", Description = "Create the chosen plan's spot pools in --cloudspace")] bool apply = false,
        [Option("cloudspace", Description = "Cloudspace that receives the pools (with --apply)")] string? cloudspace = null,
        [Option("strategy", Description = "Plan to apply: max_performance, max_value or balanced")] string strategy = "balanced",
        [Option("org", Description = "Organization (with --apply; default: the configured one)")] string? org = null,
        [Option("yes", Description = "Apply without asking")] bool yes = false,
        [Option("force", Description = "With --apply: accept bids above the on-demand price or above 3x the market price")] bool force = false)
    {
        PricingFlags.Range(minHour, maxHour, "--min-hour", "--max-hour");
        PricingFlags.Range(minMonth, maxMonth, "--min-month", "--max-month");
        var request = new PlanRequest
        {
            Nodes = PricingFlags.AtLeastOne(nodes, "--nodes"),
            Risk = PricingFlags.Risk(risk),
            Balanced = PricingFlags.Balanced(balanced, single),
            MultiRegion = multiRegion,
            Classes = classes is { Length: > 0 } ? classes : PlanRequest.DefaultClasses,
            Regions = regions ?? [],
            Generation = PricingFlags.Generation(gen),
            MinHourly = minHour,
            MaxHourly = maxHour,
            MinMonthly = minMonth,
            MaxMonthly = maxMonth,
        };
        var chosen = PricingFlags.Strategy(strategy);
        if (apply && string.IsNullOrWhiteSpace(cloudspace))
        {
            throw new UsageException("--apply needs --cloudspace NAME (the cloudspace that receives the pools)");
        }

        if (!apply && cloudspace is not null)
        {
            throw new UsageException("--cloudspace is only used with --apply");
        }

        if (apply)
        {
            context.RefuseChanges($"applying a plan to cloudspace '{cloudspace}'");
        }

        PlanRecommendation plan;
        using (Activity.Start(context.Environment, "building pricing plans"))
        {
            plan = await context.Client.Pricing.PlanAsync(request, usePercentiles: !noPercentiles, context.CancellationToken).ConfigureAwait(false);
        }

        var table = context.Output.FormatFor(OutputFormat.Table) == OutputFormat.Table;
        if (table)
        {
            WritePlan(plan);
        }

        if (!apply)
        {
            if (!table)
            {
                context.Output.Write(plan.ToPayload());
            }

            return;
        }

        var scenario = plan.Scenarios.FirstOrDefault(s => s.Strategy == chosen)
            ?? throw new UsageException($"there is no {PricingPlanner.NameOf(chosen)} plan to apply: {plan.Warning}");
        // The bid guard speaks before the question: a refused bid is never put to the user.
        foreach (var pool in scenario.Pools)
        {
            await PoolSupport.GuardBidAsync(context, pool.ServerClassName, pool.SuggestedBidText, force).ConfigureAwait(false);
        }

        context.Confirm(ApplyQuestion(scenario, cloudspace!), yes);
        var created = await context.Client.Pricing.ApplyPlanAsync(scenario, cloudspace!, org, force, context.CancellationToken).ConfigureAwait(false);
        if (table)
        {
            context.Output.WriteText(string.Empty);
            context.Output.Write(created.Select(CreatedPool), OutputFormat.Table, $"Created {created.Count} spot pool(s) in {cloudspace} ({scenario.Name})");
        }
        else
        {
            context.Output.Write(new { Plan = plan.ToPayload(), Applied = new { Strategy = scenario.Name, CloudSpace = cloudspace, Pools = created } });
        }
    }

    private void WritePlan(PlanRecommendation plan)
    {
        if (plan.Scenarios.Count > 0)
        {
            var tables = PricingTables.Build(plan);
            for (var i = 0; i < tables.Count; i++)
            {
                if (i > 0)
                {
                    context.Output.WriteText(string.Empty);
                }

                WriteTable(tables[i]);
            }
        }

        if (plan.Warning is not null)
        {
            context.Output.WriteText($"{context.Output.Palette.Warning("warning:")} {plan.Warning}");
        }

        if (plan.Assumptions.BidBasisNote is not null)
        {
            context.Output.WriteText($"note: {plan.Assumptions.BidBasisNote}");
        }
    }

    private void WriteTable(TableView view) => context.Output.WriteTable(view.Title, view.Headers, view.Rows);

    private static string ApplyQuestion(PlanScenario scenario, string cloudspace)
    {
        var pools = scenario.Pools.Select(p => $"{p.ServerClassName} x{p.Nodes.ToString(CultureInfo.InvariantCulture)} at bid ${p.SuggestedBidText}");
        return $"Create {scenario.Pools.Count} spot pool(s) in cloudspace {cloudspace} ({string.Join(", ", pools)})?";
    }

    private static object CreatedPool(SpotNodePool pool) => new { pool.Name, pool.ServerClass, pool.Desired, pool.BidPrice };
}
