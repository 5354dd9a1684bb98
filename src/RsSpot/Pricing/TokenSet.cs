namespace RsSpot.Pricing;

/// <summary>Turns repeated and/or comma-separated CLI values (<c>--class gp,ch --class mh</c>) into a lowercase set.</summary>
internal static class TokenSet
{
    public static HashSet<string> From(IEnumerable<string>? values) => new(Ordered(values), StringComparer.Ordinal);

    /// <summary>Same tokens as <see cref="From"/>, in first-seen order (for echoing the effective request).</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string>? values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var value in values ?? [])
        {
            foreach (var token in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (seen.Add(token.ToLowerInvariant()))
                {
                    ordered.Add(token.ToLowerInvariant());
                }
            }
        }

        return ordered;
    }
}
