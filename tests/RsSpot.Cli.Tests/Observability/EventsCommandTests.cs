using Newtonsoft.Json.Linq;
using RsSpot.Cli.Infrastructure;
using RsSpot.Models;
using RsSpot.State;

namespace RsSpot.Cli.Tests.Observability;

/// <summary><c>rsspot events list|prune</c>: filters, formats (csv included) and pruning of the local history.</summary>
public class EventsCommandTests : EmulatedOrganizationTestBase
{
    [SetUp]
    public async Task RecordAPreemption()
    {
        await Expect(Run("watch", "--count", "1", "-o", "jsonl"));
        Emulator.Preempt(Pool);
        await Expect(Run("watch", "--count", "1", "-o", "jsonl"));
    }

    [Test]
    public async Task Type_and_cloudspace_filters_combine()
    {
        var removed = await Expect(Run("events", "list", "--type", "server-removed,won-count-changed", "--cloudspace", CloudSpaceName));
        var elsewhere = await Expect(Run("events", "list", "--cloudspace", "nowhere"));
        var everything = await Expect(Run("events", "list", "--since", "7d"));

        Assert.Multiple(() =>
        {
            Assert.That(removed.Json.Select(e => e["type"]!.ToString()), Is.EqualTo(new[] { "won-count-changed", "server-removed" }));
            Assert.That(elsewhere.Json, Is.Empty);
            Assert.That(everything.Json.Select(e => e["cloud_space"]!.ToString()).Distinct().Count(), Is.GreaterThan(1), "the seeded VM inventory is watched too");
        });
    }

    [Test]
    public async Task Csv_has_one_header_and_a_row_per_event_with_the_data_flattened()
    {
        var run = await Expect(Run("-o", "csv", "events", "list", "--type", "server-removed"));
        var lines = run.Out.TrimEnd('\n').Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[0], Does.StartWith("id,occurred_at,type,source,profile,org,region,cloud_space,pool,server,message,data.pool,"));
            Assert.That(lines[0], Does.Contain("data.likely_preemption"));
            Assert.That(lines[1], Does.Contain($",server-removed,watch,default,org-xy3kq9lmn2pr7stu,us-central-dfw-1,{CloudSpaceName},{Pool},"));
            Assert.That(lines[1], Does.EndWith(",true"));
        });
    }

    [TestCase("table", "TYPE")]
    [TestCase("yaml", "type: server-removed")]
    [TestCase("jsonl", "\"type\":\"server-removed\"")]
    public async Task Every_format_shows_the_events(string format, string expected)
    {
        var run = await Expect(Run("-o", format, "events", "list", "--type", "server-removed"));

        Assert.That(run.Out, Does.Contain(expected));
    }

    [Test]
    public async Task Prune_deletes_only_events_older_than_the_age_and_says_how_many()
    {
        using (var store = StateStore.Open(StatePath))
        {
            store.Events.Append([new SpotEvent { OccurredAt = DateTimeOffset.UtcNow.AddDays(-40), Type = "server-removed", Source = "watch", CloudSpace = CloudSpaceName, Message = "old", Data = new JObject() }]);
        }

        var before = await Expect(Run("events", "list", "--since", "60d"));
        var pruned = await Expect(Run("-o", "json", "events", "prune", "--older-than", "30d", "--yes"));
        var sentence = await Expect(Run("events", "prune", "--older-than", "30d", "--yes"));
        var after = await Expect(Run("events", "list", "--since", "60d"));

        Assert.Multiple(() =>
        {
            Assert.That(pruned.Json["deleted"]!.ToObject<int>(), Is.EqualTo(1));
            Assert.That(sentence.Out, Does.StartWith("deleted 0 events recorded before "));
            Assert.That(after.Json.Count(), Is.EqualTo(before.Json.Count() - 1));
            Assert.That(after.Json.Select(e => e["message"]!.ToString()), Does.Not.Contain("old"));
        });
    }

    [Test]
    public async Task Listing_needs_no_credentials_and_sends_nothing()
    {
        Emulator.ClearJournal();
        Variables["RSSPOT_REFRESH_TOKEN"] = "nonsense";

        var run = await Expect(Run("events", "list"));

        Assert.That(run.Json, Is.Not.Empty);
        Assert.That(Emulator.Journal, Is.Empty);
    }

    [TestCase("--since", "yesterday", "invalid --since 'yesterday'")]
    [TestCase("--limit", "0", "invalid --limit 0")]
    public async Task Bad_filters_are_usage_errors(string option, string value, string message) =>
        AssertOneLineError(await Run("events", "list", option, value), ExitCodes.Usage, message);

    [Test]
    public async Task Prune_without_yes_off_a_terminal_asks_for_it() =>
        AssertOneLineError(await Run("events", "prune", "--older-than", "30d"), ExitCodes.Usage, "needs confirmation: pass --yes");
}
