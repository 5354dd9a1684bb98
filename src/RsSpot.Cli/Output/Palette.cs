using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Output;

/// <summary>
/// The one place rsspot colours text: plain ANSI SGR codes, only for a terminal, never with NO_COLOR or
/// <c>--no-color</c>. Status words are green when settled well, yellow while in progress, red when failed.
/// </summary>
internal sealed class Palette(bool enabled)
{
    private static readonly HashSet<string> Good = new(StringComparer.OrdinalIgnoreCase) { "ready", "running", "active", "healthy", "won", "fulfilled", "registered", "succeeded", "ok", "true" };
    private static readonly HashSet<string> Pending = new(StringComparer.OrdinalIgnoreCase) { "provisioning", "pending", "creating", "updating", "deleting", "waiting", "starting", "submitted", "token_issued", "discovered", "unknown" };
    private static readonly HashSet<string> Bad = new(StringComparer.OrdinalIgnoreCase) { "failed", "error", "unhealthy", "lost", "outbid", "degraded", "gone", "false" };

    public static Palette None { get; } = new(false);

    public bool Enabled => enabled;

    /// <summary>For stdout: a terminal, no NO_COLOR, no --no-color.</summary>
    public static Palette ForOutput(CliEnvironment environment, GlobalOptions options) => new(environment.UseColor && !options.NoColor);

    /// <summary>For stderr: the same rules, applied to the error stream.</summary>
    public static Palette ForErrors(CliEnvironment environment, bool noColor) =>
        new(environment.IsErrorTerminal && !environment.Variables.ContainsKey("NO_COLOR") && !noColor);

    public string Error(string text) => Paint(text, "1;31");

    public string Warning(string text) => Paint(text, "33");

    public string Dim(string text) => Paint(text, "2");

    public string Bold(string text) => Paint(text, "1");

    /// <summary>Colours a status word by what it means; other text is left as it is.</summary>
    public string Status(string word)
    {
        var key = word.Trim();
        return Good.Contains(key) ? Paint(word, "32") : Pending.Contains(key) ? Paint(word, "33") : Bad.Contains(key) ? Paint(word, "31") : word;
    }

    /// <summary>Whether a column (field name or table header) holds status words: phase, status, health, state.</summary>
    public static bool IsStatusColumn(string column) =>
        column.Split('.', '_', ' ')[^1].ToLowerInvariant() is "phase" or "status" or "health" or "state";

    private string Paint(string text, string code) => enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
