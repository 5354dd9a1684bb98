using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Output;
using RsSpot.Models;
using RsSpot.Observability.Spend;
using RsSpot.Observability.Watching;
using RsSpot.Pricing;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot spend</c>: the run-rate of every pool now (won servers × the market price, never below the class's
/// minimum bid; on-demand pools at their fixed price), the on-demand equivalent and the savings, with totals; or with
/// <c>--from-events</c> what was spent over a period, integrated from the history <c>watch</c> recorded. USD, decimal
/// arithmetic throughout; <c>-o csv</c> and json for finance tools.
/// </summary>
internal sealed class SpendCommand(CliContext context)
{
    private const int PriceDecimals = 6;
    private const int AmountDecimals = 4;

    [PrimaryCommand]
    [Command("spend", Description = "Hourly and monthly run-rate per pool with the on-demand equivalent and savings, or (--from-events) what was spent")]
    [SpotOperation("CloudSpaces_List")]
    [SpotOperation("CloudSpaces_Get")]
    [SpotOperation("SpotNodePools_List")]
    [SpotOperation("OnDemandNodePools_List")]
    [SpotOperation("VmCloudSpaces_List")]
    [SpotOperation("VmCloudSpaces_Get")]
    [SpotOperation("VmPools_List")]
    [SpotOperation("ServerClasses_List")]
    public async Task Spend(
        [Option("cloudspace", Description = "Only this cloudspace or VM cloudspace")] string? cloudspace = null,
        [Option("from-events", Description = "Integrate the recorded history (rsspot watch) into what was spent, instead of the run-rate now")] bool fromEvents = false,
        [Option("since", Description = "With --from-events: start of the period, 7d, 24h or an instant")] string since = "7d",
        [Option("org", Description = "Organization name, id or namespace (default: the configured one)")] string? org = null)
    {
        if (fromEvents)
        {
            Spent(cloudspace, since);
            return;
        }

        var ns = await context.Client.ResolveOrgNamespaceAsync(org, context.CancellationToken).ConfigureAwait(false);
        var fleet = await new FleetReader(context.Client).ReadAsync(cloudspace, ns, context.CancellationToken).ConfigureAwait(false);
        if (cloudspace is not null && fleet.Count == 0)
        {
            throw new SpotNotFoundException($"no cloudspace or VM cloudspace named '{cloudspace}' in {ns}");
        }

        var rates = SpendEstimator.RunRate(fleet);
        var total = SpendTotal.Of(rates);
        Write(
            "spend run-rate (USD)",
            [.. rates.Select(r => RunRateRow(r.CloudSpace, r.Pool.Name, r.Pool.Kind, r.Pool.ServerClass, r.Pool.Won, r.Pool.MarketPrice, r.Pool.MinimumBid, r.Pool.UnitPrice, r))],
            RunRateRow("TOTAL", null, null, null, rates.Sum(r => r.Pool.Won), null, null, null, total),
            new Dictionary<string, object?> { ["as_of"] = JsonView.Iso(context.Client.Core.Time.GetUtcNow()), ["currency"] = "USD" },
            total.Unpriced);
    }

    private void Spent(string? cloudspace, string since)
    {
        var until = context.State.Clock.GetUtcNow();
        var from = OptionValues.Since(since, "since", until);
        if (from >= until)
        {
            throw new UsageException($"invalid --since '{since}': it must be in the past");
        }

        var during = context.State.Events.Query(new EventQuery { Since = from, Until = until, CloudSpace = cloudspace, Types = SpendEstimator.PoolStateTypes, Limit = EventQuery.MaxLimit });
        if (during.Count == EventQuery.MaxLimit)
        {
            throw new UsageException($"more than {EventQuery.MaxLimit} pool events since {JsonView.Iso(from)}: use a shorter --since, or a --cloudspace");
        }

        var spent = SpendEstimator.Spent(context.State.Events.LastPerPoolBefore(from, cloudspace), during, from, until);
        var total = SpendTotal.Of(spent);
        Write(
            $"spent from {JsonView.Iso(from)} to {JsonView.Iso(until)} (USD)",
            [.. spent.Select(s => SpentRow(s.CloudSpace, s.Pool, s.Kind, s.ServerClass, s.ServerHours, s.ObservedFrom, s))],
            SpentRow("TOTAL", null, null, null, spent.Sum(s => s.ServerHours), null, total),
            new Dictionary<string, object?>
            {
                ["from"] = JsonView.Iso(from),
                ["until"] = JsonView.Iso(until),
                ["currency"] = "USD",
                ["note"] = "each recorded pool state is assumed to hold until the next one; run 'rsspot watch' to keep the history complete",
            },
            total.Unpriced);
    }

    /// <summary>Rows for tables and CSV (the total as a last row); json and yaml get the rows, the total and the context.</summary>
    private void Write(string title, List<Dictionary<string, object?>> rows, Dictionary<string, object?> total, Dictionary<string, object?> about, int unpriced)
    {
        if (unpriced > 0)
        {
            context.Warn($"{unpriced} pool{(unpriced == 1 ? "" : "s")} without a known price {(unpriced == 1 ? "is" : "are")} left out of the totals");
        }

        switch (context.Output.FormatFor(OutputFormat.Table))
        {
            case OutputFormat.Table or OutputFormat.Csv or OutputFormat.Jsonl:
                context.Output.Write(rows.Append(total).ToList(), OutputFormat.Table, title);
                break;
            default:
                about["pools"] = rows;
                total.Remove("cloud_space");
                about["total"] = total;
                context.Output.Write(about, OutputFormat.Table);
                break;
        }
    }

    private static Dictionary<string, object?> RunRateRow(string cloudSpace, string? pool, string? kind, string? serverClass, int servers, decimal? market, decimal? minimum, decimal? unit, SpendFigures figures) => new(StringComparer.Ordinal)
    {
        ["cloud_space"] = cloudSpace,
        ["pool"] = pool,
        ["kind"] = kind,
        ["server_class"] = serverClass,
        ["servers"] = servers,
        ["market_price"] = Round(market, PriceDecimals),
        ["minimum_bid"] = Round(minimum, PriceDecimals),
        ["price_per_server_hour"] = Round(unit, PriceDecimals),
        ["hourly"] = Round(figures.Cost, PriceDecimals),
        ["monthly"] = Round(figures.Cost * SpotDefaults.MonthHours, AmountDecimals),
        ["on_demand_hourly"] = Round(figures.OnDemand, PriceDecimals),
        ["on_demand_monthly"] = Round(figures.OnDemand * SpotDefaults.MonthHours, AmountDecimals),
        ["savings_hourly"] = Round(figures.Savings, PriceDecimals),
        ["savings_monthly"] = Round(figures.Savings * SpotDefaults.MonthHours, AmountDecimals),
        ["savings_percent"] = figures.SavingsPercent,
    };

    private static Dictionary<string, object?> SpentRow(string cloudSpace, string? pool, string? kind, string? serverClass, decimal serverHours, DateTimeOffset? observedFrom, SpendFigures figures) => new(StringComparer.Ordinal)
    {
        ["cloud_space"] = cloudSpace,
        ["pool"] = pool,
        ["kind"] = kind,
        ["server_class"] = serverClass,
        ["server_hours"] = Round(serverHours, AmountDecimals),
        ["observed_from"] = observedFrom is { } at ? JsonView.Iso(at) : null,
        ["spent"] = Round(figures.Cost, AmountDecimals),
        ["on_demand_equivalent"] = Round(figures.OnDemand, AmountDecimals),
        ["savings"] = Round(figures.Savings, AmountDecimals),
        ["savings_percent"] = figures.SavingsPercent,
    };

    private static decimal? Round(decimal? value, int decimals) => value is { } amount ? Money.Round(amount, decimals) : null;
}
