namespace RsSpot.State;

/// <summary>
/// Bounded LRU front layer of the HTTP cache. Unlike the reference it honours expiry (W3): an expired entry is
/// never returned as fresh, and one without an ETag is dropped as soon as it is looked up.
/// </summary>
internal sealed class MemoryResponseLayer(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<CachedResponse>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedResponse> _recency = new();
    private readonly Lock _lock = new();

    public CachedResponse? Get(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_index.TryGetValue(key, out var node))
            {
                return null;
            }

            if (!node.Value.IsFresh(now) && node.Value.ETag is null)
            {
                RemoveNode(node);
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value;
        }
    }

    public void Set(CachedResponse response, int maxEntries)
    {
        var limit = Math.Max(1, Math.Min(capacity, maxEntries));
        lock (_lock)
        {
            if (_index.TryGetValue(response.Key, out var existing))
            {
                RemoveNode(existing);
            }

            _index[response.Key] = _recency.AddFirst(response);
            while (_index.Count > limit)
            {
                RemoveNode(_recency.Last!);
            }
        }
    }

    public void Refresh(string key, DateTimeOffset expiresAt)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node))
            {
                node.Value = node.Value with { ExpiresAt = expiresAt };
            }
        }
    }

    public void Invalidate(string resourcePrefix)
    {
        lock (_lock)
        {
            foreach (var node in _index.Values.Where(n => CachePolicy.IsUnder(n.Value.Resource, resourcePrefix)).ToList())
            {
                RemoveNode(node);
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _index.Clear();
            _recency.Clear();
        }
    }

    private void RemoveNode(LinkedListNode<CachedResponse> node)
    {
        _index.Remove(node.Value.Key);
        _recency.Remove(node);
    }
}
