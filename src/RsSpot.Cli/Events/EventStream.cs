using System.Globalization;
using Newtonsoft.Json;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Output;
using RsSpot.Models;

namespace RsSpot.Cli.Events;

/// <summary>
/// Events printed as they happen (<c>watch</c>, <c>webhook serve</c>): one JSON line each (<c>-o jsonl</c>, and
/// <c>-o json</c>, the default off a terminal), a live table (the default on a terminal), or CSV rows under one header.
/// </summary>
internal sealed class EventStream
{
    private static readonly string[] Columns = ["TIME", "TYPE", "CLOUDSPACE", "MESSAGE"];
    private static readonly int[] Widths = [20, 18, 16];
    private readonly CliContext _context;
    private readonly OutputFormat _format;
    private bool _headerWritten;

    public EventStream(CliContext context)
    {
        _context = context;
        _format = context.Output.FormatFor(context.Environment.IsOutputTerminal ? OutputFormat.Table : OutputFormat.Jsonl) switch
        {
            OutputFormat.Json or OutputFormat.Jsonl => OutputFormat.Jsonl,
            OutputFormat.Yaml => throw new UsageException("events stream as jsonl, table or csv, not yaml"),
            var other => other,
        };
    }

    public void Write(SpotEvent spotEvent)
    {
        switch (_format)
        {
            case OutputFormat.Table:
                Header(string.Join("  ", Columns.Select((c, i) => i < Widths.Length ? c.PadRight(Widths[i]) : c)));
                _context.Output.WriteText(Row(spotEvent));
                break;
            case OutputFormat.Csv:
                var csv = CsvFormatter.Format(JsonView.From(spotEvent)).Split('\n', 2);
                Header(csv[0]);
                _context.Output.WriteText(csv[1]);
                break;
            default:
                _context.Output.WriteText(JsonView.From(spotEvent).ToString(Formatting.None));
                break;
        }

        _context.Environment.Out.Flush();
    }

    private void Header(string header)
    {
        if (!_headerWritten)
        {
            _context.Output.WriteText(_context.Output.Palette.Bold(header));
            _headerWritten = true;
        }
    }

    /// <summary>Fixed columns so rows line up as they arrive; the message takes the rest of the line.</summary>
    private string Row(SpotEvent e)
    {
        var palette = _context.Output.Palette;
        var time = e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var type = Cell(e.Type, 1);
        type = e.Type switch
        {
            "server-removed" or "price-above-bid" or "watch-error" or "preemption-notice" => palette.Error(type),
            "capacity-at-risk" => palette.Warning(type),
            _ => type,
        };
        return $"{Cell(time, 0)}  {type}  {Cell(e.CloudSpace ?? "", 2)}  {e.Message}";
    }

    private static string Cell(string text, int column) => TableFormatter.Fit(text, Widths[column]).PadRight(Widths[column]);
}
