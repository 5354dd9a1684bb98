namespace RsSpot.Emulator.State;

/// <summary>Runs one unit of work against the emulator state, atomically.</summary>
internal interface IStateStore
{
    /// <summary>Runs <paramref name="work"/>; persists the state when it reports a change.</summary>
    /// <typeparam name="T">Result type.</typeparam>
    /// <param name="work">Reads/mutates the state and returns its result plus whether it changed anything.</param>
    T Transact<T>(Func<EmulatorState, (T Result, bool Changed)> work);

    /// <summary>Replaces the whole state.</summary>
    void Replace(EmulatorState state);
}

/// <summary>Keeps the state in memory, serialised by a lock.</summary>
internal sealed class InMemoryStateStore(EmulatorState initial) : IStateStore
{
    private readonly Lock _gate = new();
    private EmulatorState _state = initial;

    public T Transact<T>(Func<EmulatorState, (T Result, bool Changed)> work)
    {
        lock (_gate)
        {
            return work(_state).Result;
        }
    }

    public void Replace(EmulatorState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }
}
