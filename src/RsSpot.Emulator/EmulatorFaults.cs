using RsSpot.Emulator.FaultInjection;

namespace RsSpot.Emulator;

/// <summary>
/// The active fault rules of an emulator, with the seeded generator that decides probabilistic rules; thread-safe.
/// With a fixed <see cref="Seed"/> and requests sent one after another, a chaos run picks the same faults every time.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int? Remaining)> _rules = [];
    private Random _random;
    private TaskCompletionSource _released = NewRelease();

    /// <summary>Creates an empty set of rules whose generator starts from a random seed (see <see cref="Seed"/>).</summary>
    public EmulatorFaults()
    {
        Seed = Random.Shared.Next();
        _random = new Random(Seed);
    }

    /// <summary>The seed the generator last started from; log it to replay a chaos run with <see cref="Reseed"/>.</summary>
    public int Seed { get; private set; }

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

    /// <summary>Adds a rule; earlier rules win when several match.</summary>
    /// <param name="rule">The fault to inject.</param>
    /// <exception cref="ArgumentException">The rule is inconsistent (e.g. ApplyThenFail without a reply to fail with).</exception>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rule));
        }

        lock (_gate)
        {
            _rules.Add((rule, rule.Count));
        }
    }

    /// <summary>Restarts the generator from <paramref name="seed"/>, so the next requests draw a known sequence.</summary>
    /// <param name="seed">The seed.</param>
    public void Reseed(int seed)
    {
        lock (_gate)
        {
            Seed = seed;
            _random = new Random(seed);
        }
    }

    /// <summary>Removes every rule and releases the requests held by a hang or a stall.</summary>
    public void Clear()
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            _rules.Clear();
            released = _released;
            _released = NewRelease();
        }

        released.SetResult();
    }

    /// <summary>
    /// The rule that fires on the request, consuming one of its uses; null when none does. One number is drawn per
    /// request whether or not a rule matches, so the draws line up with the order of the requests.
    /// </summary>
    internal FaultHit? Take(string method, string path)
    {
        lock (_gate)
        {
            var draw = _random.NextDouble();
            var band = 0.0;
            for (var index = 0; index < _rules.Count; index++)
            {
                var (rule, remaining) = _rules[index];
                if (!rule.Matches(method, path))
                {
                    continue;
                }

                if (rule.Probability is { } probability)
                {
                    // The probabilistic rules matching a request share [0, 1) in order: each owns its own slice.
                    var fires = draw >= band && draw < band + probability;
                    band += probability;
                    if (!fires)
                    {
                        continue;
                    }
                }

                Consume(index, rule, remaining);
                return new FaultHit(rule, _released.Task);
            }

            return null;
        }
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Consume(int index, FaultRule rule, int? remaining)
    {
        if (remaining == 1)
        {
            _rules.RemoveAt(index);
        }
        else if (remaining is not null)
        {
            _rules[index] = (rule, remaining - 1);
        }
    }
}
