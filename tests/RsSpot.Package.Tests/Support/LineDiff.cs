namespace RsSpot.Package.Tests.Support;

/// <summary>A unified-style line diff for failure messages: changed lines marked - or +, with a little context.</summary>
internal static class LineDiff
{
    private const int Context = 2;

    public static string Format(string expected, string actual)
    {
        var script = EditScript(expected.Split('\n'), actual.Split('\n'));
        var shown = new bool[script.Count];
        for (var i = 0; i < script.Count; i++)
        {
            if (script[i][0] != ' ')
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(script.Count - 1, i + Context); j++)
                {
                    shown[j] = true;
                }
            }
        }

        var lines = new List<string>();
        for (var i = 0; i < script.Count; i++)
        {
            if (shown[i])
            {
                lines.Add(script[i]);
            }
            else if (i > 0 && shown[i - 1])
            {
                lines.Add("  ...");
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every line of both texts in order, prefixed with ' ' (both), '-' (expected only) or '+' (actual only).</summary>
    private static List<string> EditScript(string[] before, string[] after)
    {
        var lcs = LongestCommonSubsequence(before, after);
        var script = new List<string>();
        int i = 0, j = 0;
        while (i < before.Length || j < after.Length)
        {
            if (i < before.Length && j < after.Length && before[i] == after[j])
            {
                script.Add("  " + before[i]);
                i++;
                j++;
            }
            else if (j < after.Length && (i == before.Length || lcs[i, j + 1] >= lcs[i + 1, j]))
            {
                script.Add("+ " + after[j++]);
            }
            else
            {
                script.Add("- " + before[i++]);
            }
        }

        return script;
    }

    /// <summary>lcs[i, j]: length of the longest common subsequence of a[i..] and b[j..].</summary>
    private static int[,] LongestCommonSubsequence(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        return lcs;
    }
}
