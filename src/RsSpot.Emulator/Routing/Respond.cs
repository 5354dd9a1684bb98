using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Routing;

/// <summary>Builds emulator responses: JSON bodies and Kubernetes <c>Status</c> objects with the real wording.</summary>
internal static class Respond
{
    public const string Group = "ngpc.rxt.io";

    public static EmulatorResponse Json(int statusCode, JToken body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, Encoding.UTF8.GetBytes(body.ToString(Formatting.None)), "application/json", headers);

    public static EmulatorResponse Text(int statusCode, string text) =>
        new(statusCode, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

    public static EmulatorResponse OAuthError(int statusCode, string error, string description) =>
        Json(statusCode, new JObject { ["error"] = error, ["error_description"] = description });

    public static EmulatorResponse Status(int code, string reason, string message, JObject? details = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new JObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            body["details"] = details;
        }

        body["code"] = code;
        return Json(code, body, headers);
    }

    public static EmulatorResponse Success(string plural, string name, string? uid) => Json(200, new JObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JObject(),
        ["status"] = "Success",
        ["details"] = Details(plural, name, uid),
    });

    public static EmulatorResponse Unauthorized() => Status(401, "Unauthorized", "Unauthorized");

    public static EmulatorResponse Forbidden(string plural, string ns) => Status(403, "Forbidden",
        $"{plural}.{Group} is forbidden: User cannot access resources in the namespace \"{ns}\"",
        new JObject { ["group"] = Group, ["kind"] = plural });

    public static EmulatorResponse NotFound(string plural, string name) =>
        Status(404, "NotFound", $"{plural}.{Group} \"{name}\" not found", Details(plural, name, null));

    public static EmulatorResponse AlreadyExists(string plural, string name) =>
        Status(409, "AlreadyExists", $"{plural}.{Group} \"{name}\" already exists", Details(plural, name, null));

    public static EmulatorResponse Conflict(string plural, string name) => Status(409, "Conflict",
        $"Operation cannot be fulfilled on {plural}.{Group} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
        Details(plural, name, null));

    public static EmulatorResponse BadRequest(string message) => Status(400, "BadRequest", message);

    public static EmulatorResponse TooLarge(int limit) => Status(413, "RequestEntityTooLarge",
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Request entity too large: limit is {limit} bytes"));

    public static EmulatorResponse UnsupportedMediaType(string? mediaType) => Status(415, "UnsupportedMediaType",
        $"the body of the request was in an unknown format ({mediaType ?? "none"}) - accepted media types include: application/merge-patch+json");

    /// <summary>Schema-level rejection: <c>Kind.group "name" is invalid: field: detail</c> with one cause per field.</summary>
    public static EmulatorResponse Invalid(string kind, string plural, string name, IReadOnlyList<FieldError> errors)
    {
        var causes = new JArray(errors.Select(e => new JObject
        {
            ["reason"] = e.Reason,
            ["message"] = e.Detail,
            ["field"] = e.Field,
        }));
        var details = Details(plural, name, null);
        details["causes"] = causes;
        return Status(422, "Invalid", $"{kind}.{Group} \"{name}\" is invalid: {FieldError.Summary(errors)}", details);
    }

    /// <summary>Admission-webhook rejection, worded as the Spot webhooks word it.</summary>
    public static EmulatorResponse Denied(string webhook, string message) =>
        Status(422, "Invalid", $"admission webhook \"{webhook}\" denied the request: {message}");

    private static JObject Details(string plural, string name, string? uid)
    {
        var details = new JObject { ["name"] = name, ["group"] = Group, ["kind"] = plural };
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return details;
    }
}
