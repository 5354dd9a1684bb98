using System.Globalization;

namespace RsSpot.Configuration;

/// <summary>
/// Converts neutral-tree values (and environment variable strings) to typed values. Errors describe the kind of
/// value found, never the value itself, because it may be a secret. The <c>where</c> argument names the key path
/// or variable for the message.
/// </summary>
internal static class ScalarConverter
{
    private static readonly string[] TrueWords = ["true", "yes", "on", "1", "y", "t"];
    private static readonly string[] FalseWords = ["false", "no", "off", "0", "n", "f"];

    public static string? ToText(object? value, string where) => value switch
    {
        null => null,
        string text => text,
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => throw Mismatch(where, "a string", value),
    };

    public static double? ToDouble(object? value, string where) => value switch
    {
        null => null,
        long integer => integer,
        double number when double.IsFinite(number) => number,
        string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => throw Mismatch(where, "a number", value),
    };

    public static int? ToInt(object? value, string where) => value switch
    {
        null => null,
        long integer when integer is >= int.MinValue and <= int.MaxValue => (int)integer,
        double number when number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue => (int)number,
        string text when int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Mismatch(where, "an integer", value),
    };

    public static bool? ToBool(object? value, string where)
    {
        switch (value)
        {
            case null:
                return null;
            case bool flag:
                return flag;
            case long integer when integer is 0 or 1:
                return integer == 1;
            case string text:
                var word = text.Trim().ToLowerInvariant();
                if (TrueWords.Contains(word))
                {
                    return true;
                }

                if (FalseWords.Contains(word))
                {
                    return false;
                }

                break;
        }

        throw Mismatch(where, "a boolean (true/false)", value);
    }

    public static IDictionary<string, object?>? ToMap(object? value, string where) => value switch
    {
        null => null,
        IDictionary<string, object?> map => map,
        _ => throw Mismatch(where, "a map", value),
    };

    public static IList<object?>? ToList(object? value, string where) => value switch
    {
        null => null,
        IList<object?> list => list,
        _ => throw Mismatch(where, "a list", value),
    };

    public static ConfigDocumentException Mismatch(string where, string expected, object? found)
    {
        var detail = found is string ? "a string that does not convert" : ConfigTree.Describe(found);
        return ConfigDocumentException.Structure(where, $"expected {expected}, got {detail}");
    }
}
