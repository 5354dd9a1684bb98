using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Admin;

/// <summary>A <see cref="ResourcePin"/> as the admin surface reads and lists it (<c>POST /_emulator/pins</c>).</summary>
internal static class PinJson
{
    private static readonly JObject Schema = JObject.Parse("""
        {
          "type": "object",
          "required": ["kind"],
          "properties": {
            "kind": { "type": "string" },
            "namespace": { "type": "string" },
            "name": { "type": "string" },
            "serverClass": { "type": "string" },
            "phase": { "type": "string" },
            "reason": { "type": "string" },
            "health": { "type": "string" },
            "bidStatus": { "type": "string" },
            "wonCount": { "type": "integer", "format": "int32" }
          }
        }
        """);

    /// <summary>The pin a request body describes, or why it describes none.</summary>
    public static (ResourcePin? Pin, string? Problem) Read(byte[] body)
    {
        var read = JsonBody.Read(body, Schema, SchemaChecks.Required);
        if (read.Problem is not null || read.Errors.Count > 0)
        {
            return (null, read.Problem ?? FieldError.Summary(read.Errors));
        }

        var json = read.Object!;
        return (new ResourcePin
        {
            Kind = json.Value<string>("kind")!,
            Namespace = json.Value<string>("namespace"),
            Name = json.Value<string>("name"),
            ServerClass = json.Value<string>("serverClass"),
            Phase = json.Value<string>("phase"),
            Reason = json.Value<string>("reason"),
            Health = json.Value<string>("health"),
            BidStatus = json.Value<string>("bidStatus"),
            WonCount = json.Value<int?>("wonCount"),
        }, null);
    }

    public static JObject Write(ResourcePin pin)
    {
        var json = new JObject { ["kind"] = pin.Kind, ["namespace"] = pin.Namespace };
        foreach (var (key, value) in new (string, object?)[]
        {
            ("name", pin.Name), ("serverClass", pin.ServerClass), ("phase", pin.Phase), ("reason", pin.Reason),
            ("health", pin.Health), ("bidStatus", pin.BidStatus), ("wonCount", pin.WonCount),
        })
        {
            if (value is not null)
            {
                json[key] = JToken.FromObject(value);
            }
        }

        return json;
    }
}
