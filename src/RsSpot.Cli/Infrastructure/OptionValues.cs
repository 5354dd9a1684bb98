using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// Parsers for option values Cocona cannot type by itself (k=v pairs, true/false, durations, JSON objects). Each
/// failure is a <see cref="UsageException"/> naming the option, so the user gets one line and exit code 2.
/// </summary>
internal static partial class OptionValues
{
    /// <summary>Parses repeated <c>key=value</c> options (keys and values trimmed); null when none were given.</summary>
    public static Dictionary<string, string>? KeyValues(IReadOnlyCollection<string>? entries, string option)
    {
        if (entries is not { Count: > 0 })
        {
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? "" : entry[..equals].Trim();
            if (key.Length == 0)
            {
                throw new UsageException($"invalid --{option} '{entry}': expected key=value");
            }

            pairs[key] = entry[(equals + 1)..].Trim();
        }

        return pairs;
    }

    /// <summary>Parses an explicit <c>true</c>/<c>false</c> (also yes/no, on/off); null when the option was not given.</summary>
    public static bool? Boolean(string? value, string option) => value?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => throw new UsageException($"invalid --{option} '{value}': use true or false"),
    };

    /// <summary>Parses a positive duration: plain seconds (<c>90</c>) or amounts with units (<c>45s</c>, <c>10m</c>, <c>1h30m</c>).</summary>
    public static TimeSpan Duration(string value, string option) =>
        Span(value) is { } total && total > TimeSpan.Zero && total <= TimeSpan.FromDays(1)
            ? total
            : throw new UsageException($"invalid --{option} '{value}': use seconds or a duration such as 90s, 10m or 1h (at most 24h)");

    /// <summary>Parses an age for history windows: amounts with units up to weeks (<c>24h</c>, <c>7d</c>, <c>2w</c>, <c>1d12h</c>).</summary>
    public static TimeSpan Age(string value, string option) =>
        Span(value) is { } total && total > TimeSpan.Zero && total <= TimeSpan.FromDays(3660)
            ? total
            : throw new UsageException($"invalid --{option} '{value}': use a duration such as 24h, 7d or 2w");

    /// <summary>The start of a window: an age back from <paramref name="now"/> (<c>24h</c>, <c>7d</c>) or an ISO 8601 instant (<c>2026-03-01T00:00:00Z</c>).</summary>
    public static DateTimeOffset Since(string value, string option, DateTimeOffset now) =>
        value.Contains('-', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : Span(value) is { } age && age > TimeSpan.Zero
                ? now - Age(value, option)
                : throw new UsageException($"invalid --{option} '{value}': use a duration such as 24h or 7d, or an instant such as 2026-03-01T00:00:00Z");

    /// <summary>Seconds, or amounts with units (w, d, h, m, s); null when the text is neither.</summary>
    private static TimeSpan? Span(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DurationText().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var amount = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
            total += part.Value[^1] switch
            {
                'w' => TimeSpan.FromDays(7 * amount),
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        return total;
    }

    /// <summary>Parses a JSON object; null when the option was not given.</summary>
    public static JObject? JsonObject(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        JToken token;
        try
        {
            token = JToken.Parse(value);
        }
        catch (JsonReaderException e)
        {
            throw new UsageException($"invalid --{option}: not valid JSON ({e.Message})");
        }

        return token as JObject ?? throw new UsageException($"invalid --{option}: expected a JSON object, got {token.Type.ToString().ToLowerInvariant()}");
    }

    [GeneratedRegex(@"^(?<part>\d{1,6}(\.\d+)?[wdhms])+$")]
    private static partial Regex DurationText();
}
