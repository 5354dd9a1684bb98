namespace RsSpot.Cli.Infrastructure;

/// <summary>Output formats of every command.</summary>
internal enum OutputFormat
{
    Json,
    Yaml,
    Table,
    Jsonl,
    Csv,
}

/// <summary>
/// The options every command understands, accepted before or after the command path (Cocona has no global options,
/// so they are taken out of the argument list before Cocona sees it).
/// </summary>
internal sealed record GlobalOptions
{
    /// <summary>The names -o accepts (yml is an alias of yaml).</summary>
    public static readonly IReadOnlyList<string> Formats = ["json", "yaml", "table", "jsonl", "csv"];

    public string? Profile { get; init; }

    public string? ConfigFile { get; init; }

    /// <summary>The format asked for with -o; null when not given (commands then use their own default).</summary>
    public OutputFormat? Output { get; init; }

    public bool Sandbox { get; init; }

    public bool NoCache { get; init; }

    /// <summary>
    /// <c>--read-only[=true|false]</c>: refuse every call that would change something (reads, caches and history still
    /// work), or with false allow changes whatever the profile says; null when not given. <c>configure</c> stores it
    /// as the profile's <c>read_only</c> setting instead.
    /// </summary>
    public bool? ReadOnly { get; init; }

    public bool Verbose { get; init; }

    /// <summary>Tables at full width: every column, nothing truncated to the terminal (<c>--wide</c>).</summary>
    public bool Wide { get; init; }

    /// <summary>No ANSI colour even on a terminal (<c>--no-color</c>).</summary>
    public bool NoColor { get; init; }

    public bool Version { get; init; }

    /// <summary>Deadline of each API call including retries (<c>--timeout SECONDS</c>); null keeps the configured one.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The arguments left for Cocona (the command path and its own options).</summary>
    public IReadOnlyList<string> Remaining { get; init; } = [];

    /// <summary>Splits <paramref name="args"/> into global options and the rest; everything after <c>--</c> is left alone.</summary>
    /// <exception cref="UsageException">A global option is missing its value or has an invalid one.</exception>
    public static GlobalOptions Parse(IReadOnlyList<string> args)
    {
        var options = new GlobalOptions();
        var remaining = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                remaining.AddRange(args.Skip(i));
                break;
            }

            var (name, inline) = Split(arg);
            string Value() => inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : throw new UsageException($"option {name} needs a value"));
            options = name switch
            {
                "-p" or "--profile" => options with { Profile = Value() },
                "-c" or "--config-file" => options with { ConfigFile = Value() },
                "-o" or "--output" => options with { Output = ParseFormat(Value()) },
                "--sandbox" => options with { Sandbox = Flag(name, inline) },
                "--no-cache" => options with { NoCache = Flag(name, inline) },
                "--read-only" => options with { ReadOnly = Flag(name, inline) },
                "-v" or "--verbose" => options with { Verbose = Flag(name, inline) },
                "--wide" => options with { Wide = Flag(name, inline) },
                "--no-color" => options with { NoColor = Flag(name, inline) },
                "--version" => options with { Version = Flag(name, inline) },
                "--timeout" => options with { Timeout = OptionValues.Duration(Value(), "timeout") },
                _ => Keep(options, remaining, arg),
            };
        }

        return options with { Remaining = remaining };
    }

    private static GlobalOptions Keep(GlobalOptions options, List<string> remaining, string arg)
    {
        remaining.Add(arg);
        return options;
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
        return equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static bool Flag(string name, string? inline) => inline is null
        ? true
        : bool.TryParse(inline, out var value) ? value : throw new UsageException($"option {name} takes no value (or true/false), got '{inline}'");

    private static OutputFormat ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "json" => OutputFormat.Json,
        "yaml" or "yml" => OutputFormat.Yaml,
        "table" => OutputFormat.Table,
        "jsonl" => OutputFormat.Jsonl,
        "csv" => OutputFormat.Csv,
        _ => throw new UsageException($"invalid output format '{value}': use json, yaml, table, jsonl or csv"),
    };
}

/// <summary>A command-line mistake: reported as one line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
