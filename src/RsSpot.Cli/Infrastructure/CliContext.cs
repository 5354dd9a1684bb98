using Microsoft.Extensions.Logging;
using RsSpot.Cli.Output;
using RsSpot.Configuration;
using RsSpot.Internal.Diagnostics;
using RsSpot.State;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// What every command of one rsspot invocation shares: the global options, the streams, the output writer, and
/// lazily created SDK objects (the client, the state store, the configuration).
/// </summary>
internal sealed class CliContext : IDisposable
{
    private readonly Lazy<SpotClient> _client;
    private readonly Lazy<StateStore> _state;
    /// <summary>
    /// Seconds a new sandbox cloudspace stays Provisioning (default: the SDK's 15 s). A test hook for the in-process
    /// CLI tests, which need Ready cloudspaces at once; not a user setting.
    /// </summary>
    internal const string SandboxProvisioningDelayVariable = "RSSPOT_SANDBOX_PROVISIONING_DELAY";

    private ILoggerFactory? _loggerFactory;
    private (LoadedConfig Loaded, string Path)? _stateLocation;
    private bool _verifyState;

    public CliContext(CliEnvironment environment, GlobalOptions options)
    {
        Environment = environment;
        Options = options;
        Output = new OutputWriter(environment, options);
        _client = new Lazy<SpotClient>(CreateClient);
        _state = new Lazy<StateStore>(OpenState);
    }

    public CliEnvironment Environment { get; }

    public GlobalOptions Options { get; }

    public OutputWriter Output { get; }

    /// <summary>Cancelled by Ctrl+C; every SDK call takes it.</summary>
    public CancellationToken CancellationToken => Environment.Interrupted;

    /// <summary>The SDK client for this run (profile, config file, sandbox and cache flags applied).</summary>
    public SpotClient Client => _client.Value;

    /// <summary>state.db, for commands that need no API (history, cache, preferences).</summary>
    public StateStore State => _client.IsValueCreated && _client.Value.State is { } shared ? shared : _state.Value;

    /// <summary>
    /// <see cref="State"/> for the commands that maintain the store (cache, history): opened by them, an existing file
    /// is checked page by page first, which routine opens skip.
    /// </summary>
    public StateStore MaintainedState
    {
        get
        {
            _verifyState = true;
            return State;
        }
    }

    public ConfigEnvironment ConfigEnvironment => Environment.ToConfigEnvironment();

    /// <summary>Loads the configuration the way the client would (explicit -c, env, default paths, legacy migration).</summary>
    public LoadedConfig LoadConfig(bool allowMissingFile = false) =>
        ConfigLoader.Load(new ConfigLoadRequest { ConfigPath = Options.ConfigFile, AllowMissingFile = allowMissingFile }, ConfigEnvironment);

    /// <summary>Effective settings and their sources, without contacting the API.</summary>
    public ResolvedSettings ResolveSettings() =>
        ConfigResolver.Resolve(LoadConfig(), new ResolveRequest { Profile = Options.Profile }, State.Preferences, ConfigEnvironment);

    /// <summary>
    /// Refuses <paramref name="action"/> in read-only mode (<c>--read-only</c>, <c>RSSPOT_READ_ONLY</c>, the profile's
    /// <c>read_only</c>) before the command asks, reads or sends anything; the SDK refuses again at the call itself.
    /// </summary>
    /// <exception cref="SpotReadOnlyException">Read-only mode is on.</exception>
    public void RefuseChanges(string action) => Client.Core.RefuseWhenReadOnly(action);

    /// <summary>Asks before a destructive action: a y/N prompt on a terminal; otherwise only --yes proceeds.</summary>
    /// <exception cref="UsageException">Not interactive and <paramref name="yes"/> not given, or the user declined.</exception>
    public void Confirm(string question, bool yes)
    {
        if (yes)
        {
            return;
        }

        if (!Environment.IsInteractive)
        {
            throw new UsageException($"{question} needs confirmation: pass --yes (no terminal to ask on)");
        }

        Environment.Error.Write($"{question} [y/N] ");
        var answer = Environment.In.ReadLine()?.Trim();
        if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException("cancelled");
        }
    }

    /// <summary>
    /// The profile, org and region this run used, for the history record: the client's when one was made, otherwise
    /// what the configuration resolves to (falling back to the -p value when the configuration itself is broken).
    /// </summary>
    public (string? Profile, string? Org, string? Region) Identity
    {
        get
        {
            if (_client.IsValueCreated)
            {
                return (_client.Value.ProfileName, _client.Value.Org, _client.Value.Region);
            }

            try
            {
                var settings = ResolveSettings();
                return (settings.ProfileName, settings.OrgId ?? settings.Org, settings.Region);
            }
            catch (SpotException)
            {
                return (Options.Profile, null, null);
            }
        }
    }

    /// <summary>
    /// The store this run's history goes to: the one already open, else state.db where it can be opened without making a
    /// directory nobody asked for (only rsspot's own, ~/.config/rsspot, is made): a mistyped <c>-c</c> path must not leave
    /// a state.db beside it. Null when there is no such place.
    /// </summary>
    public StateStore? HistoryState
    {
        get
        {
            if (_client.IsValueCreated || _state.IsValueCreated)
            {
                return State;
            }

            var directory = Path.GetDirectoryName(StateLocation().Path);
            return Directory.Exists(directory) || directory == ConfigEnvironment.ConfigDirectory ? State : null;
        }
    }

    /// <summary>A <c>warning: ...</c> line on stderr ("warning:" in yellow on a terminal).</summary>
    public void Warn(string message) =>
        Environment.Error.WriteLine($"{RsSpot.Cli.Output.Palette.ForErrors(Environment, Options.NoColor).Warning("warning:")} {message}");

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            if (_client.Value.Core.SandboxRecoveryNotice() is { } notice)
            {
                Warn(notice);
            }

            _client.Value.Dispose();
        }

        if (_state.IsValueCreated)
        {
            _state.Value.Dispose();
        }

        _loggerFactory?.Dispose();
    }

    private SpotClient CreateClient()
    {
        if (Options.Verbose)
        {
            _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new StderrLoggerProvider(Environment.Error)).SetMinimumLevel(LogLevel.Debug));
        }

        var options = new SpotClientOptions
        {
            Profile = Options.Profile,
            ConfigPath = Options.ConfigFile,
            Sandbox = Options.Sandbox,
            NoCache = Options.NoCache,
            Timeout = Options.Timeout,
            ReadOnly = Options.ReadOnly,
            Environment = ConfigEnvironment,
            LoggerFactory = _loggerFactory,
        };
        if (Options.Sandbox && Environment.Variables.GetValueOrDefault(SandboxProvisioningDelayVariable) is { } delay)
        {
            options.SandboxProvisioningDelay = double.TryParse(delay, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new UsageException($"invalid {SandboxProvisioningDelayVariable} '{delay}': use a number of seconds");
        }

        var client = new SpotClient(options);
        StartupTrace.Mark("SDK client created");
        if (client.State?.RecoveryNotice is { } notice)
        {
            Warn(notice);
        }

        if (Options.Sandbox)
        {
            Environment.Error.WriteLine("sandbox: running against the built-in Spot emulator; nothing reaches Rackspace");
        }

        return client;
    }

    private StateStore OpenState()
    {
        var (loaded, path) = StateLocation();
        var store = StateStore.Open(path, ConfigResolver.SharedStateFor(loaded, ConfigEnvironment), verify: _verifyState);
        StartupTrace.Mark("state.db opened");
        if (store.RecoveryNotice is { } notice)
        {
            Warn(notice);
        }

        return store;
    }

    /// <summary>The configuration state.db is found from, and its path; worked out once, as opening the store needs both.</summary>
    private (LoadedConfig Loaded, string Path) StateLocation()
    {
        if (_stateLocation is null)
        {
            var loaded = LoadConfig(allowMissingFile: true);
            _stateLocation = (loaded, ConfigResolver.StatePathFor(loaded, null, ConfigEnvironment).Path);
        }

        return _stateLocation.Value;
    }
}
