using System.Net;

namespace RsSpot;

/// <summary>
/// Base of every error RsSpot raises. API failures carry the HTTP status and the Kubernetes <c>Status</c>
/// reason and message; the message never contains credentials.
/// </summary>
public class SpotException : Exception
{
    /// <summary>Creates an error with a message only (no HTTP response involved).</summary>
    public SpotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and the exception that caused it.</summary>
    public SpotException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error describing a failed HTTP response.</summary>
    public SpotException(string message, HttpStatusCode? statusCode, string? reason, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
        RequestId = requestId;
    }

    /// <summary>HTTP status of the failed response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Machine-readable reason from the Status body (NotFound, Conflict, Invalid, ...), when known.</summary>
    public string? Reason { get; }

    /// <summary>Request id echoed by the server or assigned by RsSpot, for support and log correlation.</summary>
    public string? RequestId { get; }
}

/// <summary>The credentials were missing, rejected or expired (HTTP 401/403, or a failed token exchange).</summary>
public class SpotAuthenticationException : SpotException
{
    /// <summary>Creates an authentication error without an HTTP response.</summary>
    public SpotAuthenticationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an authentication error from an HTTP response.</summary>
    public SpotAuthenticationException(string message, HttpStatusCode? statusCode, string? reason, string? requestId, Exception? innerException = null)
        : base(message, statusCode, reason, requestId, innerException)
    {
    }
}

/// <summary>The resource (or the organization, region or class named) does not exist.</summary>
public class SpotNotFoundException : SpotException
{
    /// <summary>Creates a not-found error without an HTTP response (e.g. a name missing from a list).</summary>
    public SpotNotFoundException(string message)
        : base(message, HttpStatusCode.NotFound, "NotFound", null)
    {
    }

    /// <summary>Creates a not-found error from an HTTP response.</summary>
    public SpotNotFoundException(string message, HttpStatusCode? statusCode, string? reason, string? requestId, Exception? innerException = null)
        : base(message, statusCode, reason, requestId, innerException)
    {
    }
}

/// <summary>The resource already exists, or a replace used a stale resourceVersion (HTTP 409).</summary>
public class SpotConflictException : SpotException
{
    /// <summary>Creates a conflict error from an HTTP response.</summary>
    public SpotConflictException(string message, HttpStatusCode? statusCode, string? reason, string? requestId, Exception? innerException = null)
        : base(message, statusCode, reason, requestId, innerException)
    {
    }
}

/// <summary>The request was rejected as invalid, by the server (HTTP 400/422) or by RsSpot before sending it.</summary>
public class SpotValidationException : SpotException
{
    /// <summary>Creates a validation error raised before any request was sent.</summary>
    public SpotValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a validation error from an HTTP response.</summary>
    public SpotValidationException(string message, HttpStatusCode? statusCode, string? reason, string? requestId, Exception? innerException = null)
        : base(message, statusCode, reason, requestId, innerException)
    {
    }
}

/// <summary>The server asked the client to slow down (HTTP 429) and retries did not get through.</summary>
public class SpotRateLimitException : SpotException
{
    /// <summary>Creates a rate-limit error from an HTTP response.</summary>
    public SpotRateLimitException(string message, TimeSpan? retryAfter, string? requestId, Exception? innerException = null)
        : base(message, HttpStatusCode.TooManyRequests, "TooManyRequests", requestId, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>A configuration file, profile or setting is missing or invalid. The message names the file and the problem.</summary>
public class SpotConfigurationException : SpotException
{
    /// <summary>Creates a configuration error.</summary>
    public SpotConfigurationException(string message, string? path = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The file concerned, when there is one.</summary>
    public string? Path { get; }
}
