using Newtonsoft.Json.Linq;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

public class HistoryAndCacheCommandsTests : CliTestBase
{
    [Test]
    public async Task Every_invocation_is_recorded_redacted_with_global_options_and_exit_code()
    {
        await Run("--profile", "x", "configure", "--refresh-token", "secretvalue-0123456789", "--no-activate");
        await Run("-p", "x", "profiles", "use", "missing");

        var run = await Run("history", "list");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var entries = run.Json;
        Assert.That(entries.Count(), Is.EqualTo(2));
        var (failed, configured) = (entries[0]!, entries[1]!);
        Assert.Multiple(() =>
        {
            Assert.That(configured["argv"]!.Select(a => a.ToString()),
                Is.EqualTo(new[] { "rsspot", "--profile", "x", "configure", "--refresh-token", "<redacted>", "--no-activate" }));
            Assert.That(configured["command"]!.ToString(), Does.Contain("--refresh-token '<redacted>'"));
            Assert.That(configured["exit_code"]!.Value<int>(), Is.Zero);
            Assert.That(configured["profile"]!.ToString(), Is.EqualTo("x"));
            Assert.That(failed["command"]!.ToString(), Is.EqualTo("rsspot -p x profiles use missing"));
            Assert.That(failed["exit_code"]!.Value<int>(), Is.EqualTo(4));
            Assert.That(run.Out, Does.Not.Contain("secretvalue"));
        });
    }

    [Test]
    public async Task Commands_that_call_no_api_record_the_profile_org_and_region_in_effect()
    {
        await Run("--profile", "prod", "configure", "--org", "acme-corp", "--region", "uk-lon-1", "--refresh-token", "secretvalue-0123456789");
        await Run("profiles", "list");

        var latest = (await Run("history", "list", "--limit", "1")).Json[0]!; // a run is recorded after it finishes

        Assert.Multiple(() =>
        {
            Assert.That((string?)latest["command"], Is.EqualTo("rsspot profiles list"));
            Assert.That((string?)latest["profile"], Is.EqualTo("prod"), "resolved from the file's active profile, not only from -p");
            Assert.That((string?)latest["org"], Is.EqualTo("acme-corp"));
            Assert.That((string?)latest["region"], Is.EqualTo("uk-lon-1"));
        });
    }

    [Test]
    public async Task Search_limit_and_table_output()
    {
        await Run("config", "set-default-org", "one");
        await Run("config", "set-default-org", "two");
        await Run("profiles", "list");

        var search = await Run("history", "search", "SET-DEFAULT", "--limit", "1");
        var table = await Run("-o", "table", "history", "list");

        Assert.Multiple(() =>
        {
            Assert.That(search.Json.Select(e => e["command"]!.ToString()), Is.EqualTo(new[] { "rsspot config set-default-org two" }), search.ToString());
            Assert.That(table.Out, Does.Contain("COMMAND").And.Contain("rsspot profiles list").And.Not.Contain("argv"));
        });
    }

    [Test]
    public async Task Clear_needs_yes_without_a_terminal_and_info_counts()
    {
        await Run("profiles", "list");
        await Run("profiles", "list");

        var refused = await Run("history", "clear");
        var cleared = await Run("-o", "json", "history", "clear", "--yes");
        var info = await Run("history", "info");

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(2), refused.ToString());
            Assert.That(refused.Error, Does.Contain("pass --yes"));
            Assert.That(cleared.Json["cleared"]!.Value<int>(), Is.EqualTo(3), "two lists and the refused clear");
            Assert.That(info.Json["count"]!.Value<long>(), Is.EqualTo(1), "only the clear itself was recorded since");
            Assert.That(info.Json["max_entries"]!.Value<int>(), Is.EqualTo(2000));
        });
    }

    [Test]
    public async Task Config_history_is_the_reference_spelling_of_history()
    {
        await Run("profiles", "list");

        var run = await Run("config", "history", "info");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["count"]!.Value<long>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Cache_stats_count_what_api_calls_cached_and_clear_drops_it()
    {
        var empty = await Run("cache", "stats");
        await Sandbox("regions", "list");
        await Sandbox("regions", "list");
        var filled = await Run("cache", "stats");

        var refused = await Run("cache", "clear");
        var cleared = await Run("-o", "json", "cache", "clear", "--yes");
        var after = await Run("cache", "stats");

        Assert.Multiple(() =>
        {
            Assert.That(empty.ExitCode, Is.Zero, empty.ToString());
            Assert.That(empty.Json["entries"]!.Value<long>(), Is.Zero);
            Assert.That(filled.Json["entries"]!.Value<long>(), Is.Positive, filled.ToString());
            Assert.That(filled.Json["hits"]!.Value<long>(), Is.Positive, "the second list was served from the cache");
            Assert.That(refused.ExitCode, Is.EqualTo(2), refused.ToString());
            Assert.That(refused.Error, Does.Contain("pass --yes"));
            Assert.That(cleared.Json["cleared"]!.Value<long>(), Is.EqualTo(filled.Json["entries"]!.Value<long>()));
            Assert.That(after.Json["entries"]!.Value<long>(), Is.Zero);
        });
    }
}
