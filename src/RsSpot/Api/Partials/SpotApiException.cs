namespace RsSpot.Api;

// NSwag's exception template is always public, so the generated clients' exception is written here instead
// ("generateExceptionClasses": false in nswag.json) with the same constructors the clients call, and stays internal.

/// <summary>A non-success reply of the Spot API, as thrown by the generated clients (the facade maps it to SpotException).</summary>
internal class SpotApiException : Exception
{
    public SpotApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base($"{message}\n\nStatus: {statusCode}\nResponse: \n{(response is null ? "(null)" : response[..Math.Min(response.Length, 512)])}", innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
    }

    /// <summary>HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The reply body as text (the clients read it as a string).</summary>
    public string? Response { get; }

    /// <summary>Reply headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <inheritdoc/>
    public override string ToString() => $"HTTP Response: \n\n{Response}\n\n{base.ToString()}";
}

/// <summary>A non-success reply whose body matched the documented error schema.</summary>
/// <typeparam name="TResult">The error body type (Kubernetes Status).</typeparam>
internal sealed class SpotApiException<TResult>(
    string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
    : SpotApiException(message, statusCode, response, headers, innerException)
{
    /// <summary>The deserialized error body.</summary>
    public TResult Result { get; } = result;
}
