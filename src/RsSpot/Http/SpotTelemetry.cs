using System.Diagnostics;

namespace RsSpot.Http;

/// <summary>
/// The <see cref="ActivitySource"/> of the SDK: one span per public operation (e.g. <c>CloudSpaces.List</c>), tagged
/// with the last HTTP status, the retries it took and, on failure, the error. Consumers subscribe by name
/// (<c>AddSource("RsSpot")</c>); the names here are the documented contract (docs/sdk-guide.md, "Tracing").
/// </summary>
internal static class SpotTelemetry
{
    /// <summary>Name of the activity source ("RsSpot").</summary>
    public const string SourceName = "RsSpot";

    /// <summary>Tag: HTTP status of the operation's last response.</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Tag: retries performed across the operation's requests.</summary>
    public const string RetryCountTag = "rsspot.retry_count";

    /// <summary>Tag: exception type of a failed operation.</summary>
    public const string ErrorTypeTag = "error.type";

    internal static readonly ActivitySource Source = new(SourceName, typeof(SpotTelemetry).Assembly.GetName().Version?.ToString(3));

    /// <summary>
    /// Starts the span of an operation, or returns null when nobody listens or an RsSpot span is already open on
    /// this flow (an operation calling another, e.g. organization resolution, stays one span).
    /// </summary>
    /// <param name="callerFile">Source file of the calling operation (e.g. <c>.../CloudSpacesOperations.cs</c>).</param>
    /// <param name="callerMember">Calling member (e.g. <c>ListAsync</c>).</param>
    internal static Activity? StartOperation(string callerFile, string callerMember)
    {
        if (Activity.Current?.Source == Source || !Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(OperationName(callerFile, callerMember), ActivityKind.Client);
        activity?.SetTag(RetryCountTag, 0);
        return activity;
    }

    /// <summary>"…/CloudSpacesOperations.cs" + "ListAsync" → "CloudSpaces.List".</summary>
    internal static string OperationName(string callerFile, string callerMember)
    {
        var group = Path.GetFileNameWithoutExtension(callerFile.Replace('\\', '/').Split('/')[^1]);
        group = group switch
        {
            "SpotClientCore" or "ClientCommon" or "" => "Client",
            _ when group.EndsWith("Operations", StringComparison.Ordinal) => group[..^"Operations".Length],
            _ => group,
        };
        var member = callerMember.EndsWith("Async", StringComparison.Ordinal) ? callerMember[..^"Async".Length] : callerMember;
        return $"{group}.{member}";
    }

    /// <summary>Records one finished HTTP request on the current operation span (called by the outermost handler).</summary>
    internal static void RecordResponse(HttpRequestMessage request, HttpResponseMessage? response)
    {
        var activity = Activity.Current;
        if (activity?.Source != Source)
        {
            return;
        }

        if (response is not null)
        {
            activity.SetTag(StatusCodeTag, (int)response.StatusCode);
        }

        if (request.Options.TryGetValue(SpotRequestOptions.RetryCount, out var retries) && retries > 0)
        {
            activity.SetTag(RetryCountTag, (activity.GetTagItem(RetryCountTag) as int? ?? 0) + retries);
        }
    }

    /// <summary>Marks the span failed with the public exception the caller will see (its message holds no secrets).</summary>
    internal static void RecordFailure(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(ErrorTypeTag, error.GetType().Name);
        if (error is SpotException { StatusCode: { } status })
        {
            activity.SetTag(StatusCodeTag, (int)status);
        }

        activity.SetStatus(ActivityStatusCode.Error, error.Message);
    }
}
