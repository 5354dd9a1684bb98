namespace RsSpot.State;

/// <summary>Raised inside the store when an existing state.db is corrupt or not one of ours; it triggers recovery.</summary>
internal sealed class StateFileUnreadableException(string reason) : Exception(reason);
