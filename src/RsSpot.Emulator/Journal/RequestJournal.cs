using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Json;
using RsSpot.Emulator.Routing;

namespace RsSpot.Emulator.Journal;

/// <summary>Records the most recent API requests (up to a capacity) with their secrets redacted, so tests can assert on what a client sent.</summary>
internal sealed class RequestJournal(int capacity)
{
    public const string Redacted = "[REDACTED]";
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
        { "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key" };

    private static readonly HashSet<string> SecretFields = new(StringComparer.OrdinalIgnoreCase)
        { "refresh_token", "id_token", "access_token", "client_secret", "token" };

    private readonly Lock _gate = new();
    private readonly Queue<JournalEntry> _entries = new();

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Records a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="at">When it arrived.</param>
    /// <param name="statusCode">The status sent (0: none).</param>
    /// <param name="fault">The fault that fired on it, or null.</param>
    /// <param name="processedStatusCode">The status the API produced, or null when the request was not processed.</param>
    public void Record(EmulatorRequest request, DateTimeOffset at, int statusCode, FaultRule? fault, int? processedStatusCode)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => RedactHeader(h.Key, h.Value), StringComparer.OrdinalIgnoreCase);
        var path = request.Query.Length > 0 ? request.Path + "?" + request.Query : request.Path;
        var entry = new JournalEntry(at, request.Method, path, headers, RedactBody(request), statusCode)
        {
            Fault = fault,
            ProcessedStatusCode = processedStatusCode,
        };
        lock (_gate)
        {
            if (_entries.Count == capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private static string RedactHeader(string name, string value)
    {
        if (!SecretHeaders.Contains(name))
        {
            return value;
        }

        // Keep the scheme so tests can still see that a bearer token was sent.
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? value[..space] + " " + Redacted : Redacted;
    }

    private static string RedactBody(EmulatorRequest request)
    {
        var text = Encoding.UTF8.GetString(request.BodyBytes);
        if (text.Length == 0)
        {
            return text;
        }

        if (request.MediaType == "application/x-www-form-urlencoded")
        {
            return string.Join('&', RequestContext.ParseForm(text).Select(p =>
                Uri.EscapeDataString(p.Key) + "=" + (SecretFields.Contains(p.Key) ? Redacted : Uri.EscapeDataString(p.Value))));
        }

        try
        {
            var json = JsonConvert.DeserializeObject<JToken>(text, EmulatorJson.Settings);
            if (json is JContainer container)
            {
                foreach (var property in container.DescendantsAndSelf().OfType<JProperty>().Where(p => SecretFields.Contains(p.Name)).ToList())
                {
                    property.Value = Redacted;
                }
            }

            return json?.ToString(Formatting.None) ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
