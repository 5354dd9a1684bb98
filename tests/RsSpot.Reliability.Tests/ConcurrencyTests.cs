using Microsoft.Data.Sqlite;
using RsSpot.Reliability.Tests.Support;

namespace RsSpot.Reliability.Tests;

/// <summary>Several rsspot processes on one state.db: no history row lost, no busy error, one token exchange.</summary>
[NonParallelizable]
public class ConcurrencyTests
{
    private const int Processes = 8;
    private const int CommandsPerProcess = 100;
    private Lab _lab = null!;

    [SetUp]
    public async Task StartLab() => _lab = await Lab.StartAsync();

    [TearDown]
    public async Task StopLab() => await _lab.DisposeAsync();

    [Test]
    [CancelAfter(600_000)]
    public async Task Eight_processes_of_a_hundred_commands_lose_no_history_row()
    {
        var warmUp = await _lab.RunAsync("regions", "list");
        Assert.That(warmUp.ExitCode, Is.Zero, warmUp.ToString());

        var runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(worker => CliProcess.RunAsync(
            CliProcess.CliLoopDll, _lab.Home, [CommandsPerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture), .. Command(worker)], Variables)));

        var rows = Count("SELECT COUNT(*) FROM command_history");
        TestContext.Out.WriteLine($"concurrency figures: {Processes} processes × {CommandsPerProcess} commands, {rows - 1} history rows, exit codes {string.Join(",", runs.Select(r => r.ExitCode))}");
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", runs.Where(r => r.ExitCode != 0)));
            Assert.That(runs.Select(r => r.Error), Has.None.Contains("locked").And.None.Contains("busy"));
            Assert.That(rows, Is.EqualTo((Processes * CommandsPerProcess) + 1), "every command recorded once (plus the warm-up)");
        });
    }

    [Test]
    public async Task Eight_processes_with_an_expired_token_make_one_exchange()
    {
        var warmUp = await _lab.RunAsync("regions", "list");
        Assert.That(warmUp.ExitCode, Is.Zero, warmUp.ToString());
        Assert.That(Count("UPDATE token_cache SET expires_at = 0; SELECT changes()"), Is.EqualTo(1), "the cached token is now expired");
        _lab.Emulator.ClearJournal();

        var runs = await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => _lab.RunAsync("--no-cache", "regions", "list")));

        TestContext.Out.WriteLine($"token figures: {Processes} processes with an expired token, {_lab.TokenExchanges} token exchange(s)");
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", runs.Where(r => r.ExitCode != 0)));
            Assert.That(_lab.TokenExchanges, Is.EqualTo(1));
        });
    }

    private static string[] Command(int worker) => (worker % 3) switch
    {
        0 => ["regions", "list"],
        1 => ["cloudspaces", "list"],
        _ => ["history", "list", "-n", "1"],
    };

    private Dictionary<string, string> Variables => new() { ["RSSPOT_PRICE_FEED_URL"] = _lab.Server.BaseAddress.ToString() };

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_lab.StatePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
