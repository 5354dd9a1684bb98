using System.Collections;
using RsSpot.Configuration;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// Everything rsspot takes from its process: streams, terminal facts, environment variables and the home directory.
/// Tests build one over string writers and a temporary home, so a CLI run in-process touches nothing real.
/// </summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader In { get; init; }

    /// <summary>Whether stdin and stderr are an interactive terminal (prompts and progress are shown only then).</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Whether stdout is a terminal (colour is used only then, and never with NO_COLOR).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Whether stderr is a terminal (errors, warnings and progress are coloured or redrawn only then).</summary>
    public bool IsErrorTerminal { get; init; }

    /// <summary>Columns of the terminal stdout writes to; null when it is not a terminal (tables are then not cut).</summary>
    public int? TerminalWidth { get; init; }

    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    public required string HomeDirectory { get; init; }

    /// <summary>Ctrl+C and SIGTERM: what cancels the run and the exit code that reports it.</summary>
    public Interruption Interruption { get; init; } = new();

    /// <summary>Fires when the run is interrupted (Ctrl+C) or terminated (SIGTERM).</summary>
    public CancellationToken Interrupted => Interruption.Token;

    /// <summary>
    /// The absolute command line that runs this tool again (for the exec credential of a kubeconfig): the tool's own
    /// executable, or <c>dotnet</c> and the entry assembly when it runs through the dotnet host.
    /// </summary>
    public IReadOnlyList<string> ToolCommand { get; init; } = SelfCommand();

    public bool UseColor => IsOutputTerminal && !Variables.ContainsKey("NO_COLOR");

    public ConfigEnvironment ToConfigEnvironment() => new(Variables, HomeDirectory);

    private static string[] SelfCommand()
    {
        var process = Environment.ProcessPath ?? "rsspot";
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        var viaHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return viaHost && !string.IsNullOrEmpty(entry) ? [process, entry] : [process];
    }

    private static int? WindowWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A plain loop: LINQ over the non-generic dictionary's struct entries is JIT-compiled on every start.</summary>
    private static Dictionary<string, string?> ProcessVariables()
    {
        var variables = Environment.GetEnvironmentVariables();
        var copy = new Dictionary<string, string?>(variables.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
        {
            copy[(string)entry.Key] = entry.Value as string;
        }

        return copy;
    }

    public static CliEnvironment FromProcess()
    {
        return new CliEnvironment
        {
            Out = Console.Out,
            Error = Console.Error,
            In = Console.In,
            IsInteractive = !Console.IsInputRedirected && !Console.IsErrorRedirected,
            IsOutputTerminal = !Console.IsOutputRedirected,
            IsErrorTerminal = !Console.IsErrorRedirected,
            TerminalWidth = Console.IsOutputRedirected ? null : WindowWidth(),
            Variables = ProcessVariables(),
            HomeDirectory = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? home : Path.GetTempPath(),
            Interruption = Interruption.FromProcessSignals(),
        };
    }
}
