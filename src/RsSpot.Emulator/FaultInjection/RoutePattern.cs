namespace RsSpot.Emulator.FaultInjection;

/// <summary>Matches a fault's route (<c>*</c>, or an optional method and a path glob) against a request.</summary>
internal static class RoutePattern
{
    public static bool Matches(string route, string method, string path)
    {
        var pattern = route.Trim();
        if (pattern == "*")
        {
            return true;
        }

        var space = pattern.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            if (!string.Equals(pattern[..space], method, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            pattern = pattern[(space + 1)..].Trim();
        }

        return GlobMatch(pattern, path);
    }

    private static bool GlobMatch(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        if (!text.StartsWith(parts[0], StringComparison.Ordinal) || !text.EndsWith(parts[^1], StringComparison.Ordinal))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return position <= text.Length - parts[^1].Length;
    }
}
