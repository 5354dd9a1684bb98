using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using RsSpot.Internal;

namespace RsSpot.Http;

/// <summary>
/// Refuses replies that cannot have come from the Spot API (a proxy's HTML page, a captive portal, binary garbage)
/// before anything tries to read them as Spot JSON: otherwise a gateway page on the token endpoint would surface as
/// "authentication failed". The error names the host, the status and the content type, with a short printable
/// excerpt (no control bytes reach a terminal). Sits outside the retry handler: a 502 page is retried like any
/// 502 first, and only the final reply is judged.
/// </summary>
internal sealed partial class ReplyValidationHandler(SpotErrorFactory errors) : DelegatingHandler
{
    private const int ExcerptLength = 100;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (IsSpotReply(response, body))
        {
            return response;
        }

        using (response)
        {
            throw Unexpected(request, response, body);
        }
    }

    /// <summary>Every Spot endpoint answers JSON: an object or array, and for errors a Status or OAuth error object.</summary>
    internal static bool IsSpotReply(HttpResponseMessage response, byte[] body)
    {
        if (body.Length == 0 || response.StatusCode == HttpStatusCode.NotModified)
        {
            return true;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var first = Array.Find(body, b => !char.IsWhiteSpace((char)b));
        var looksLikeJson = first is (byte)'{' or (byte)'[';
        var declaredJson = mediaType is null || mediaType == "text/plain" || mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        if (!looksLikeJson || !declaredJson)
        {
            return false;
        }

        return response.IsSuccessStatusCode || first == (byte)'{' && ErrorFields().IsMatch(Encoding.UTF8.GetString(body));
    }

    private SpotException Unexpected(HttpRequestMessage request, HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        return new SpotException(
            $"unexpected reply from {NetworkErrors.Host(request)} (HTTP {status}, {mediaType}): {Excerpt(response.Content.Headers.ContentType, body)}",
            response.StatusCode, "UnexpectedReply", requestId);
    }

    /// <summary>A short, printable, credential-free excerpt: an HTML page's title (or text), else the text itself.</summary>
    internal string Excerpt(MediaTypeHeaderValue? contentType, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64 * 1024));
        var printable = text.Count(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
        if (printable < text.Length * 0.9)
        {
            return $"{body.Length} bytes of binary data";
        }

        if (contentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || text.TrimStart().StartsWith('<'))
        {
            var title = Title().Match(text);
            text = title.Success ? title.Groups[1].Value : Tags().Replace(text, " ");
            text = WebUtility.HtmlDecode(text);
        }

        var line = PrintableText.OneLine(errors.Mask(text));
        return line.Length == 0 ? "(empty)" : line.Length > ExcerptLength ? line[..ExcerptLength] + "…" : line;
    }

    [GeneratedRegex(@"""(kind|message|reason|error|error_description)""\s*:")]
    private static partial Regex ErrorFields();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

}
