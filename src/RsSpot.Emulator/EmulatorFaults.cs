namespace RsSpot.Emulator;

/// <summary>The active fault rules of an emulator; thread-safe.</summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int? Remaining)> _rules = [];

    /// <summary>Adds a rule; earlier rules win when several match.</summary>
    /// <param name="rule">The fault to inject.</param>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "A fault's Count must be positive (or null for unlimited).");
        }

        lock (_gate)
        {
            _rules.Add((rule, rule.Count));
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The rules that still have uses left.</summary>
    public IReadOnlyList<FaultRule> Active
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules.Select(r => r.Rule)];
            }
        }
    }

    /// <summary>The first rule matching the request, consuming one of its uses; null when none matches.</summary>
    internal FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            var index = _rules.FindIndex(r => r.Rule.Matches(method, path));
            if (index < 0)
            {
                return null;
            }

            var (rule, remaining) = _rules[index];
            if (remaining is null)
            {
                return rule;
            }

            if (remaining == 1)
            {
                _rules.RemoveAt(index);
            }
            else
            {
                _rules[index] = (rule, remaining - 1);
            }

            return rule;
        }
    }
}
