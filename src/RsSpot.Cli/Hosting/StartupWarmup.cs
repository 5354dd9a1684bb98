using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using RsSpot.Configuration;
using RsSpot.Internal.Diagnostics;

namespace RsSpot.Cli.Hosting;

/// <summary>
/// Puts the second core to work while a command starts: a background thread does the one-time initialisations every
/// real command meets later (the configuration path's YAML parser, its compiled tag regex and the Newtonsoft contracts
/// of the model; the SQLite and OpenSSL native libraries) while the main thread parses the command line. The runtime
/// runs each type's initialiser once, so the main thread either finds the work done or waits for the part in flight.
/// Nothing here changes an outcome: every step is idempotent, and a failure is left for the command to meet and report.
/// bench/results/startup.md has the gain; the multicore-JIT profile was measured too and gained nothing.
/// </summary>
internal static class StartupWarmup
{
    /// <summary>A small configuration touching the model's nested types (a profile with a retry block).</summary>
    internal const string SampleConfig = "profiles:\n  warm-up:\n    region: r\n    retry:\n      max_attempts: 1\n";

    /// <summary>Starts the warm-up, except for <c>--version</c> and help, which finish before it could pay off.</summary>
    public static void Start(string[] args)
    {
        if (args.Length > 0 && !args.Any(arg => arg is "--version" or "--help" or "-h"))
        {
            new Thread(WarmUp) { IsBackground = true, Name = "rsspot start-up warm-up" }.Start();
        }
    }

    // In the order the main thread meets them: the configuration load, state.db, the token and HTTP cache keys (SHA-256).
    private static void WarmUp()
    {
        Try(() => ConfigSerializer.Parse(SampleConfig, ConfigFormat.Yaml), "warm-up: configuration path");
        Try(() => RuntimeHelpers.RunClassConstructor(typeof(SqliteConnection).TypeHandle), "warm-up: SQLite");
        Try(() => SHA256.HashData([]), "warm-up: OpenSSL");
    }

    private static void Try(Action step, string phase)
    {
        try
        {
            step();
            StartupTrace.Mark(phase);
        }
#pragma warning disable CA1031 // an exception escaping a background thread would end the process
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
