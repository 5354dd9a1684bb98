using System.Text;
using Microsoft.Data.Sqlite;
using RsSpot.Emulator;
using RsSpot.Reliability.Tests.Support;

namespace RsSpot.Reliability.Tests;

/// <summary>
/// After a session of real commands with -v (successes and failures), the refresh tokens and the id_tokens rsspot
/// used appear in the config file and the token cache only, both mode 0600: never in an output, a log line, a
/// history row, a cache row or another file.
/// </summary>
[NonParallelizable]
public class SecretsTests
{
    private const string SecondRefreshToken = "rt-SECOND-secret-5be1a07c93d2";
    private const string PoolClass = "gp.vs1.large-dfw";
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Test]
    [CancelAfter(600_000)]
    public async Task Secrets_stay_in_the_config_file_and_the_token_cache()
    {
        await using var lab = await Lab.StartAsync();
        var kubeconfig = Path.Combine(lab.Home, "kube.yaml");
        lab.Emulator.Options.RefreshTokens[SecondRefreshToken] = SpotEmulator.DefaultOrganizationId;
        var endpoint = lab.Server.BaseAddress.ToString();
        string[][] session =
        [
            ["-p", "second", "configure", "--org", "acme-corp", "--region", "us-central-dfw-1", "--base-url", endpoint, "--oauth-url", endpoint, "--refresh-token", SecondRefreshToken, "--no-activate"],
            ["-v", "organizations", "list"],
            ["-v", "regions", "list"],
            ["-v", "cloudspaces", "create", "--name", "secret", "--region", "us-central-dfw-1", "--wait"],
            ["-v", "-o", "json", "nodepools", "spot", "create", "--cloudspace", "secret", "--server-class", PoolClass, "--bid-price", "0.02"],
            ["-v", "cloudspaces", "get-config", "secret", "--file", kubeconfig],
            ["-v", "raw", "--path", "/apis/ngpc.rxt.io/v1/regions"],
            ["-v", "config", "info"],
            ["-v", "config", "info", "--resolved"],
            ["-v", "profiles", "list"],
            ["-v", "-p", "second", "regions", "list"],
            ["-v", "history", "list"],
            ["-v", "cache", "stats"],
        ];
        var runs = new List<CliRun>();
        foreach (var args in session)
        {
            runs.Add(await lab.RunAsync(args));
        }

        // Failures too, on a fresh exchange: a token endpoint that rejects the token (echoing it), and one that answers HTML.
        Query(lab, "UPDATE token_cache SET expires_at = 0");
        lab.Emulator.Faults.Add(new FaultRule { Route = "POST /oauth/token", StatusCode = 400, ReplyContentType = "application/json", ReplyBody = Encoding.UTF8.GetBytes($"{{\"error\":\"invalid_grant\",\"error_description\":\"bad token {SecondRefreshToken}\"}}"), Count = 1 });
        runs.Add(await lab.RunAsync("-v", "--no-cache", "-p", "second", "organizations", "list"));
        Query(lab, "UPDATE token_cache SET expires_at = 0");
        lab.Emulator.Faults.Add(new FaultRule { Route = "POST /oauth/token", ReplyContentType = "text/html", ReplyBody = Encoding.UTF8.GetBytes($"<html>echo {SecondRefreshToken}</html>"), Count = 1 });
        runs.Add(await lab.RunAsync("-v", "--no-cache", "-p", "second", "organizations", "list"));

        var secrets = new[] { Lab.RefreshToken, SecondRefreshToken }.Concat(IdTokens(lab)).ToList();
        var files = Directory.EnumerateFiles(lab.Home, "*", SearchOption.AllDirectories).ToList();
        var allowed = new[] { lab.ConfigPath, lab.StatePath, lab.StatePath + "-wal", lab.StatePath + "-shm" };
        TestContext.Out.WriteLine($"secrets figures: {runs.Count} commands, {secrets.Count} secrets looked for in {runs.Count * 2} outputs, {files.Count} files and {Rows(lab).Count} state.db rows");
        Assert.Multiple(() =>
        {
            Assert.That(runs.Take(session.Length).Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", runs.Where(r => r.ExitCode != 0)));
            Assert.That(runs.Skip(session.Length).Select(r => r.ExitCode), Is.EqualTo(new[] { 3, 1 }));
            Assert.That(IdTokens(lab), Is.Not.Empty, "the token cache holds the id_tokens used");
            foreach (var secret in secrets)
            {
                Assert.That(runs.Where(r => r.Out.Contains(secret, StringComparison.Ordinal) || r.Error.Contains(secret, StringComparison.Ordinal)), Is.Empty, "no output or log shows a secret");
                Assert.That(files.Except(allowed).Where(f => File.ReadAllText(f).Contains(secret, StringComparison.Ordinal)), Is.Empty, "no other file holds a secret");
                Assert.That(Rows(lab).Where(row => row.Contains(secret, StringComparison.Ordinal)), Is.Empty, "no history, cache, preference or ledger row holds a secret");
            }

            Assert.That(File.ReadAllText(lab.ConfigPath), Does.Contain(Lab.RefreshToken).And.Contain(SecondRefreshToken), "the tokens are stored for real");
            Assert.That(allowed.Where(File.Exists).Append(kubeconfig).Select(File.GetUnixFileMode), Is.All.EqualTo(Private));
        });
    }

    private static List<string> IdTokens(Lab lab) => Query(lab, "SELECT id_token FROM token_cache");

    /// <summary>Every row of every table but the token cache, as text.</summary>
    private static List<string> Rows(Lab lab)
    {
        var tables = Query(lab, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('token_cache') AND name NOT LIKE 'sqlite_%'");
        return [.. tables.SelectMany(table => Query(lab, $"SELECT * FROM \"{table}\""))];
    }

    private static List<string> Query(Lab lab, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={lab.StatePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
