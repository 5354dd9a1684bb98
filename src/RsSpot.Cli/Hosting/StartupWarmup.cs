using System.Runtime;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using RsSpot.Cli.Infrastructure;
using RsSpot.Internal.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace RsSpot.Cli.Hosting;

/// <summary>
/// Puts a second core to work while a command starts (bench/results/startup.md has the gain): a multicore-JIT
/// profile, as PowerShell keeps one, so the runtime compiles on a background thread the methods the previous run
/// needed; and a warm-up thread that does the one-time initialisations every real command meets later (YamlDotNet's
/// compiled tag regex, the SQLite and OpenSSL native libraries) while the main thread parses the command line.
/// Nothing here changes an outcome: each step is idempotent and a failure is left for the command to meet itself.
/// </summary>
internal static class StartupWarmup
{
    /// <summary>The profile's file, under <c>$XDG_CACHE_HOME/rsspot</c> (<c>~/.cache/rsspot</c>); the runtime ignores the
    /// parts of it recorded against other builds of an assembly, so an upgrade needs no clean-up.</summary>
    public const string ProfileName = "startup.jitprofile";

    /// <summary>Starts both, except for <c>--version</c> and help, which finish before either could pay off.</summary>
    public static void Start(string[] args, CliEnvironment environment)
    {
        if (args.Length == 0 || args.Any(arg => arg is "--version" or "--help" or "-h"))
        {
            return;
        }

        StartJitProfile(CacheDirectory(environment));
        new Thread(WarmUp) { IsBackground = true, Name = "rsspot start-up warm-up" }.Start();
    }

    /// <summary>The XDG cache directory for rsspot: <c>$XDG_CACHE_HOME/rsspot</c> when that is absolute, else <c>~/.cache/rsspot</c>.</summary>
    internal static string CacheDirectory(CliEnvironment environment) =>
        Path.Combine(environment.Variables.GetValueOrDefault("XDG_CACHE_HOME") is { } xdg && Path.IsPathFullyQualified(xdg)
            ? xdg
            : Path.Combine(environment.HomeDirectory, ".cache"), "rsspot");

    private static void StartJitProfile(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // a read-only or odd home: start-up is merely not sped up
        }

        ProfileOptimization.SetProfileRoot(directory);
        ProfileOptimization.StartProfile(ProfileName);
    }

    // In the order the main thread meets them: configuration load, state.db, the token and HTTP cache keys (SHA-256).
    private static void WarmUp()
    {
        Try(() => new YamlStream().Load(new StringReader("warm: up")), "warm-up: YAML");
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
#pragma warning disable CA1031 // whatever failed here fails again, and is reported, where the command meets it
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
