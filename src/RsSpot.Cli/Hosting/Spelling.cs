namespace RsSpot.Cli.Hosting;

/// <summary>Close spellings for "did you mean" hints on unknown commands and options.</summary>
internal static class Spelling
{
    /// <summary>The <paramref name="candidates"/> within two edits of <paramref name="word"/> (case-insensitive).</summary>
    public static IEnumerable<string> Closest(string word, IEnumerable<string> candidates)
    {
        var lower = word.ToLowerInvariant();
        return candidates.Where(candidate => EditDistance(candidate, lower) < 3);
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
