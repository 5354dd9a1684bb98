using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Cli.Infrastructure;
using RsSpot.Internal.Diagnostics;

namespace RsSpot.Cli.Output;

/// <summary>Prints command results to stdout in the format asked for with -o (or the command's default).</summary>
internal sealed class OutputWriter(CliEnvironment environment, GlobalOptions options)
{
    /// <summary>The format in effect for a command whose default is <paramref name="commandDefault"/>.</summary>
    public OutputFormat FormatFor(OutputFormat commandDefault) => options.Output ?? commandDefault;

    /// <summary>Writes <paramref name="value"/>; <paramref name="title"/> heads table output only.</summary>
    public void Write(object? value, OutputFormat commandDefault = OutputFormat.Json, string? title = null)
    {
        StartupTrace.Mark("result ready");
        var json = JsonView.From(value);
        environment.Out.WriteLine(FormatFor(commandDefault) switch
        {
            OutputFormat.Yaml => YamlFormatter.Format(json),
            OutputFormat.Table => TableFormatter.Format(json, title, TableStyle()),
            OutputFormat.Jsonl => Lines(json),
            OutputFormat.Csv => CsvFormatter.Format(json),
            _ => json.ToString(Formatting.Indented),
        });
        StartupTrace.Mark("result written");
    }

    /// <summary>Writes a ready-made table (pricing views) in the same style as every other table.</summary>
    public void WriteTable(string? title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        environment.Out.WriteLine(TableFormatter.Format(title, headers, rows, TableStyle()));

    /// <summary>Colours for stdout (none for pipes, NO_COLOR or --no-color).</summary>
    public Palette Palette { get; } = Palette.ForOutput(environment, options);

    /// <summary>Fit to the terminal (COLUMNS overrides its width) unless --wide; never cut when not on a terminal.</summary>
    private TableStyle TableStyle()
    {
        int? width = options.Wide ? null
            : int.TryParse(environment.Variables.GetValueOrDefault("COLUMNS"), out var columns) && columns > 0 ? columns
            : environment.TerminalWidth;
        return new TableStyle(width, Palette);
    }

    /// <summary>Writes plain text as it is (kubeconfigs, confirmations), whatever the format.</summary>
    public void WriteText(string text) => environment.Out.WriteLine(text);

    /// <summary>A note for the human on stderr, so stdout stays machine-readable.</summary>
    public void Note(string text) => environment.Error.WriteLine(text);

    private static string Lines(JToken json) =>
        json is JArray array ? string.Join('\n', array.Select(item => item.ToString(Formatting.None))) : json.ToString(Formatting.None);
}
