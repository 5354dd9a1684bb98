using System.Text;

namespace RsSpot.Internal;

/// <summary>Text that is safe to show on one terminal line, whatever a server or a file put into it.</summary>
internal static class PrintableText
{
    /// <summary>
    /// One line without control characters (escape sequences, bells, carriage returns) and with runs of white space
    /// folded into one space.
    /// </summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
