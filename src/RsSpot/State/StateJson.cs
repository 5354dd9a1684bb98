using System.Text;
using System.Text.Json;

namespace RsSpot.State;

/// <summary>
/// The JSON columns of state.db (<c>argv_json</c>, <c>headers_json</c>), written with System.Text.Json's writer and read
/// with its document model: the same text its serializer produces, without the serializer's first-use set-up (a
/// converter for every primitive type, dozens of JIT-compiled methods) that every command would otherwise pay.
/// </summary>
internal static class StateJson
{
    /// <summary><c>["a","b"]</c>.</summary>
    public static string FromStrings(IEnumerable<string> values) => Write(writer => WriteArray(writer, values));

    /// <summary>The strings of a JSON array; empty for <c>null</c>.</summary>
    public static string[] ToStrings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadArray(document.RootElement) ?? [];
    }

    /// <summary><c>{"Name":["value"]}</c>.</summary>
    public static string FromHeaders(IReadOnlyDictionary<string, string[]> headers) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (name, values) in headers)
        {
            writer.WritePropertyName(name);
            WriteArray(writer, values);
        }

        writer.WriteEndObject();
    });

    /// <summary>The header map of a JSON object; empty for <c>null</c>.</summary>
    public static Dictionary<string, string[]> ToHeaders(string json)
    {
        using var document = JsonDocument.Parse(json);
        var headers = new Dictionary<string, string[]>();
        if (document.RootElement.ValueKind is JsonValueKind.Object)
        {
            foreach (var header in document.RootElement.EnumerateObject())
            {
                headers[header.Name] = ReadArray(header.Value)!; // as the serializer reads a null list
            }
        }

        return headers;
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string[]? ReadArray(JsonElement array)
    {
        if (array.ValueKind is not JsonValueKind.Array)
        {
            return null;
        }

        var values = new string[array.GetArrayLength()];
        var index = 0;
        foreach (var value in array.EnumerateArray())
        {
            values[index++] = value.GetString()!;
        }

        return values;
    }
}
