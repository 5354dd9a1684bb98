using RsSpot.Cli;
using RsSpot.Cli.Infrastructure;
using RsSpot.Configuration;
using RsSpot.Emulator;
using RsSpot.Emulator.Server;

namespace RsSpot.Reliability.Tests.Support;

/// <summary>
/// A private HOME with rsspot configured (profile <c>lab</c>) against a Spot emulator served on 127.0.0.1: the
/// world every reliability test runs in. The refresh token is distinctive so the secrets scan can look for it.
/// </summary>
public sealed class Lab : IAsyncDisposable
{
    /// <summary>The profile's refresh token: a secret that may appear only in the config file.</summary>
    public const string RefreshToken = "rt-RELIABILITY-secret-0d9b6c2f7e41";

    private Lab(string home, SpotEmulator emulator, SpotEmulatorServer server)
    {
        Home = home;
        Emulator = emulator;
        Server = server;
    }

    public string Home { get; }

    public SpotEmulator Emulator { get; }

    public SpotEmulatorServer Server { get; }

    public string ConfigDirectory => Path.Combine(Home, ".config", "rsspot");

    public string ConfigPath => Path.Combine(ConfigDirectory, "config.yml");

    public string StatePath => Path.Combine(ConfigDirectory, "state.db");

    /// <summary>Starts an emulator on loopback and writes a config whose <c>lab</c> profile points at it.</summary>
    /// <param name="retry">The profile's retry block (YAML flow mapping), e.g. <c>{ max_attempts: 6 }</c>.</param>
    /// <param name="cache">The profile's cache block.</param>
    public static async Task<Lab> StartAsync(string retry = "{ base_delay: 0.05, max_delay: 0.5 }", string cache = "{ enabled: true }")
    {
        var home = Directory.CreateTempSubdirectory("rsspot-reliability-").FullName;
        var options = new SpotEmulatorOptions { ProvisioningDelay = TimeSpan.Zero };
        options.RefreshTokens[RefreshToken] = SpotEmulator.DefaultOrganizationId;
        var emulator = new SpotEmulator(options);
        var server = await SpotEmulatorServer.StartAsync(emulator);
        var lab = new Lab(home, emulator, server);
        Directory.CreateDirectory(lab.ConfigDirectory);
        await File.WriteAllTextAsync(lab.ConfigPath, $"""
            version: "2"
            default_profile: lab
            profiles:
              lab:
                org: acme-corp
                region: us-central-dfw-1
                base_url: {server.BaseAddress}
                oauth_url: {server.BaseAddress}
                refresh_token: {RefreshToken}
                request_timeout_seconds: 5
                retry: {retry}
                cache: {cache}
            """);
        return lab;
    }

    /// <summary>Runs the built rsspot as a process.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliProcess.RunAsync(CliProcess.RsSpotDll, Home, args, Variables);

    /// <summary>Runs rsspot in this process (the real command line, quicker than a process start).</summary>
    public async Task<CliRun> RunInProcessAsync(params string[] args)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliEnvironment
        {
            Out = output,
            Error = error,
            In = new StringReader(""),
            Variables = new Dictionary<string, string?> { ["HOME"] = Home, ["NO_COLOR"] = "1", ["RSSPOT_PRICE_FEED_URL"] = Server.BaseAddress.ToString() },
            HomeDirectory = Home,
        });
        return new CliRun(exitCode, output.ToString(), error.ToString(), started.Elapsed);
    }

    /// <summary>An SDK client on the lab's profile and state.db, as an application would make one.</summary>
    public SpotClient CreateClient() => new(new SpotClientOptions
    {
        Environment = new ConfigEnvironment(new Dictionary<string, string?> { ["HOME"] = Home }, Home),
    });

    /// <summary>Token exchanges the emulator has answered.</summary>
    public int TokenExchanges => Emulator.Journal.Count(e => e.Method == "POST" && e.PathAndQuery.StartsWith("/oauth/token", StringComparison.Ordinal) && e.StatusCode == 200);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(Home, recursive: true);
    }

    private Dictionary<string, string> Variables => new() { ["RSSPOT_PRICE_FEED_URL"] = Server.BaseAddress.ToString() };
}
