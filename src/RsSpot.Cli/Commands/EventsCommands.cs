using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Output;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot events list|prune</c>: the local event history that <c>watch</c> and <c>webhook serve</c> record in
/// state.db (no API call; the SDK's <c>QueryEvents</c> reads the same).
/// </summary>
internal sealed class EventsCommands(CliContext context)
{
    [Command("list", Description = "Recorded events, oldest first: json, yaml, table, jsonl or csv")]
    public void List(
        [Option("since", Description = "Only events newer than this: 24h, 7d, 2w, or an instant (2026-03-01T00:00:00Z)")] string since = "24h",
        [Option("until", Description = "Only events older than this (same forms as --since)")] string? until = null,
        [Option("cloudspace", Description = "Only events of this cloudspace")] string? cloudspace = null,
        [Option("type", Description = "Only events of this type (repeatable or comma-separated), e.g. server-removed")] string[]? type = null,
        [Option("limit", ['n'], Description = "At most this many (the most recent)")] int limit = 1000)
    {
        var now = context.State.Clock.GetUtcNow();
        var query = new EventQuery
        {
            Since = OptionValues.Since(since, "since", now),
            Until = until is null ? null : OptionValues.Since(until, "until", now),
            CloudSpace = cloudspace,
            Types = [.. (type ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            Limit = limit is >= 1 and <= EventQuery.MaxLimit ? limit : throw new UsageException($"invalid --limit {limit}: use 1 to {EventQuery.MaxLimit}"),
        };
        var events = context.State.Events.Query(query);
        if (context.Output.FormatFor(OutputFormat.Json) == OutputFormat.Table)
        {
            context.Output.Write(events.Select(e => new { Time = JsonView.Iso(e.OccurredAt), e.Type, CloudSpace = e.CloudSpace ?? "", e.Message }).ToList(), title: "events (oldest first)");
            return;
        }

        context.Output.Write(events);
    }

    [Command("prune", Description = "Delete the events older than an age (asks first; --yes when not on a terminal)")]
    public void Prune(
        [Option("older-than", Description = "Age of the events to delete: 30d, 12w, 720h")] string olderThan,
        [Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false)
    {
        var cutoff = context.State.Clock.GetUtcNow() - OptionValues.Age(olderThan, "older-than");
        context.Confirm($"delete the events recorded before {JsonView.Iso(cutoff)}?", yes);
        var removed = context.State.Events.Prune(cutoff);
        context.Acknowledge($"deleted {removed} events recorded before {JsonView.Iso(cutoff)}", new { Deleted = removed, Before = cutoff });
    }
}
