namespace RsSpot.Pricing;

/// <summary>
/// Finds the best multi-pool balanced plan within a budget.
/// <para>
/// Plan space: t distinct candidates from one region (any region when multi-region is allowed), where t is the
/// largest pool count, up to the risk target and the node count, for which some plan fits the budget. Nodes are
/// split as in the reference: floor(n / t) each, one extra for the first n mod t pools in rank order.
/// </para>
/// <para>
/// Objective: the node-weighted balanced score Σ nodesᵢ · scoreᵢ, ties broken by the lexicographically
/// smallest tuple of rank positions (rank = score desc, price asc, name). Without a budget this is exactly the
/// reference's "top t of the balanced ranking".
/// </para>
/// <para>
/// Method: exact depth-first branch and bound over rank order. A branch is cut when the best completion
/// (the next-ranked members of the region) cannot beat the incumbent, or when the cheapest and dearest possible
/// completions (suffix minimum and maximum prices) both miss the budget. Because only strictly better plans
/// replace the incumbent and tuples are visited in lexicographic order, the result equals a brute-force search
/// (see the oracle tests). Without a budget the first branch is optimal and everything else is cut, so the cost
/// is the O(n log n) ranking sort. A narrow two-sided budget that only low-ranked combinations meet explores
/// more branches (worst case polynomial in the region size with the pool count, at most 3, as exponent); the
/// benchmark's $1.00-$1.02/hr window measures such a case.
/// </para>
/// </summary>
internal static class BalancedSearch
{
    /// <summary>Returns the chosen candidate indices (in rank order) and their node counts, or null if nothing fits.</summary>
    public static PoolSelection? Find(CandidateSet candidates, int nodes, int maxPools, bool multiRegion, BudgetBounds budget)
    {
        var rank = Rank(candidates);
        var regions = new RegionGroups(candidates, rank, multiRegion);
        var scores = new decimal[rank.Length];
        var prices = new decimal[rank.Length];
        for (var position = 0; position < rank.Length; position++)
        {
            scores[position] = candidates.BalancedScore[rank[position]];
            prices[position] = candidates.Hourly[rank[position]];
        }

        for (var pools = Math.Min(maxPools, nodes); pools >= 1; pools--)
        {
            var counts = PoolSelection.Split(nodes, pools);
            var best = new Search(scores, prices, regions, counts, budget).Run();
            if (best is not null)
            {
                return new PoolSelection([.. best.Select(position => rank[position])], counts);
            }
        }

        return null;
    }

    /// <summary>
    /// Candidate indices in balanced rank order. Sorting on double keys is several times faster than on
    /// decimals; the insertion pass then restores the exact decimal order, which differs at most among
    /// neighbours the conversion made equal, so it costs about one comparison per row.
    /// </summary>
    private static int[] Rank(CandidateSet candidates)
    {
        var rank = new int[candidates.Count];
        var keys = new double[candidates.Count];
        for (var i = 0; i < rank.Length; i++)
        {
            rank[i] = i;
            keys[i] = -(double)candidates.BalancedScore[i];
        }

        Array.Sort(keys, rank);
        for (var i = 1; i < rank.Length; i++)
        {
            var current = rank[i];
            var j = i - 1;
            for (; j >= 0 && candidates.Compare(PlanStrategy.Balanced, rank[j], current) > 0; j--)
            {
                rank[j + 1] = rank[j];
            }

            rank[j + 1] = current;
        }

        return rank;
    }

    /// <summary>Rank positions grouped by region, with suffix price bounds for budget pruning.</summary>
    private sealed class RegionGroups
    {
        public RegionGroups(CandidateSet candidates, int[] rank, bool multiRegion)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var members = new List<List<int>>();
            GroupOf = new int[rank.Length];
            IndexInGroup = new int[rank.Length];
            for (var position = 0; position < rank.Length; position++)
            {
                var key = multiRegion ? string.Empty : candidates.Rows[rank[position]].RegionKey;
                if (!ids.TryGetValue(key, out var id))
                {
                    id = ids.Count;
                    ids.Add(key, id);
                    members.Add([]);
                }

                GroupOf[position] = id;
                IndexInGroup[position] = members[id].Count;
                members[id].Add(position);
            }

            Members = [.. members.Select(list => list.ToArray())];
            SuffixMin = new decimal[Members.Length][];
            SuffixMax = new decimal[Members.Length][];
            for (var g = 0; g < Members.Length; g++)
            {
                var group = Members[g];
                SuffixMin[g] = new decimal[group.Length + 1];
                SuffixMax[g] = new decimal[group.Length + 1];
                SuffixMin[g][group.Length] = decimal.MaxValue;
                SuffixMax[g][group.Length] = 0m;
                for (var i = group.Length - 1; i >= 0; i--)
                {
                    var hourly = candidates.Hourly[rank[group[i]]];
                    SuffixMin[g][i] = Math.Min(hourly, SuffixMin[g][i + 1]);
                    SuffixMax[g][i] = Math.Max(hourly, SuffixMax[g][i + 1]);
                }
            }
        }

        public int[] GroupOf { get; }

        public int[] IndexInGroup { get; }

        /// <summary>Rank positions of each group, ascending.</summary>
        public int[][] Members { get; }

        public decimal[][] SuffixMin { get; }

        public decimal[][] SuffixMax { get; }
    }

    /// <summary>One branch-and-bound run for a fixed pool count.</summary>
    private sealed class Search
    {
        private readonly decimal[] _score;
        private readonly decimal[] _hourly;
        private readonly RegionGroups _regions;
        private readonly int[] _counts;
        private readonly int[] _countsAfter;
        private readonly BudgetBounds _budget;
        private readonly int[] _current;
        private int[]? _best;
        private decimal _bestScore;

        public Search(decimal[] scores, decimal[] prices, RegionGroups regions, int[] counts, BudgetBounds budget)
        {
            _score = scores;
            _hourly = prices;
            _regions = regions;
            _counts = counts;
            _countsAfter = new int[counts.Length];
            for (var depth = counts.Length - 2; depth >= 0; depth--)
            {
                _countsAfter[depth] = _countsAfter[depth + 1] + counts[depth + 1];
            }

            _budget = budget;
            _current = new int[counts.Length];
        }

        public int[]? Run()
        {
            var nodes = _counts.Sum();
            for (var position = 0; position < _score.Length; position++)
            {
                // Every later plan leads with a row scoring at most this one: nothing can beat the incumbent.
                if (_best is not null && nodes * _score[position] <= _bestScore)
                {
                    break;
                }

                _ = TryExtend(0, _regions.GroupOf[position], _regions.IndexInGroup[position], 0m, 0m);
            }

            return _best;
        }

        /// <summary>
        /// Places member <paramref name="index"/> of a region as pool <paramref name="depth"/> and explores its
        /// completions. Returns false when no later sibling can do better either (the caller stops scanning).
        /// </summary>
        private bool TryExtend(int depth, int group, int index, decimal partialScore, decimal partialCost)
        {
            var members = _regions.Members[group];
            var poolsAfter = _counts.Length - depth - 1;
            if (members.Length - index - 1 < poolsAfter)
            {
                return false;
            }

            if (_best is not null && UpperBound(depth, members, index, partialScore) <= _bestScore)
            {
                return false;
            }

            var position = members[index];
            var cost = partialCost + (_counts[depth] * _hourly[position]);
            var low = poolsAfter == 0 ? cost : cost + (_countsAfter[depth] * _regions.SuffixMin[group][index + 1]);
            var high = poolsAfter == 0 ? cost : cost + (_countsAfter[depth] * _regions.SuffixMax[group][index + 1]);
            if (!_budget.Overlaps(low, high))
            {
                return true;
            }

            _current[depth] = position;
            var score = partialScore + (_counts[depth] * _score[position]);
            if (poolsAfter == 0)
            {
                if (_best is null || score > _bestScore)
                {
                    _best = [.. _current];
                    _bestScore = score;
                }

                return true;
            }

            for (var next = index + 1; next < members.Length; next++)
            {
                if (!TryExtend(depth + 1, group, next, score, cost))
                {
                    break;
                }
            }

            return true;
        }

        // The remaining pools can at best take the next-ranked members of the region, in order.
        private decimal UpperBound(int depth, int[] members, int index, decimal partialScore)
        {
            var bound = partialScore;
            for (var offset = 0; depth + offset < _counts.Length; offset++)
            {
                bound += _counts[depth + offset] * _score[members[index + offset]];
            }

            return bound;
        }
    }
}

/// <summary>Candidate indices of a plan's pools (in rank order) and the nodes each receives.</summary>
internal sealed record PoolSelection(int[] Indices, int[] Counts)
{
    /// <summary>Splits <paramref name="nodes"/> over <paramref name="pools"/>: floor(n/k) each, the first n mod k get one more.</summary>
    public static int[] Split(int nodes, int pools) =>
        [.. Enumerable.Range(0, pools).Select(i => (nodes / pools) + (i < nodes % pools ? 1 : 0))];
}
