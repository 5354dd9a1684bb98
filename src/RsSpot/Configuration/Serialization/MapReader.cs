namespace RsSpot.Configuration;

/// <summary>
/// Reads the keys of one map of the neutral tree through their <see cref="ConfigKey"/> definitions (accepting
/// every alias), tracks which keys were consumed, and reports errors with the full key path.
/// </summary>
internal sealed class MapReader
{
    private readonly IDictionary<string, object?> _map;
    private readonly string _path;
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public MapReader(IDictionary<string, object?> map, string path)
    {
        _map = map;
        _path = path;
    }

    public string? String(ConfigKey key) => Read(key, ScalarConverter.ToText);

    public double? Double(ConfigKey key, double min = double.MinValue, double max = double.MaxValue)
    {
        var value = Read(key, ScalarConverter.ToDouble);
        Require(value is null || (value >= min && value <= max), key, $"must be between {min} and {max}");
        return value;
    }

    public double? NonNegativeDouble(ConfigKey key) => Double(key, min: 0);

    public int? Int(ConfigKey key, int min = int.MinValue)
    {
        var value = Read(key, ScalarConverter.ToInt);
        Require(value is null || value >= min, key, $"must be at least {min}");
        return value;
    }

    public bool? Bool(ConfigKey key) => Read(key, ScalarConverter.ToBool);

    /// <summary>A nested map as a reader, or null when the key is absent or null.</summary>
    public MapReader? Map(ConfigKey key)
    {
        var (value, where) = Take(key);
        var map = ScalarConverter.ToMap(value, where);
        return map is null ? null : new MapReader(map, where);
    }

    public IList<T>? List<T>(ConfigKey key, Func<object?, string, T?> convert)
        where T : struct
    {
        var (value, where) = Take(key);
        var list = ScalarConverter.ToList(value, where);
        return list?.Select((item, index) => convert(item, $"{where}[{index}]")
            ?? throw NullValue($"{where}[{index}]")).ToList();
    }

    /// <summary>Every entry of this map converted with <paramref name="convert"/> (which receives the value and its key path).</summary>
    public OrderedDictionary<string, T> Entries<T>(Func<object?, string, T> convert)
    {
        var entries = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var (name, value) in _map)
        {
            _consumed.Add(name);
            var where = PathOf(name);
            entries[name] = convert(value, where);
        }

        return entries;
    }

    /// <summary>Keys not read through a definition, to be preserved verbatim.</summary>
    public OrderedDictionary<string, object?> Unconsumed() =>
        ConfigTree.CopyMap(_map.Where(entry => !_consumed.Contains(entry.Key)));

    /// <summary>Fails on the first key not read through a definition (blocks whose typos must not pass silently).</summary>
    public void RejectUnknown(IEnumerable<ConfigKey> known)
    {
        var unknown = _map.Keys.FirstOrDefault(name => !_consumed.Contains(name));
        if (unknown is not null)
        {
            var names = string.Join(", ", known.Select(key => key.Name));
            throw ConfigDocumentException.Structure(PathOf(unknown), $"unknown key; expected one of {names}");
        }
    }

    public void Require(bool condition, ConfigKey key, string problem)
    {
        if (!condition)
        {
            throw ConfigDocumentException.Structure(PathOf(key.Name), problem);
        }
    }

    public static ConfigDocumentException NullValue(string where) => ConfigDocumentException.Structure(where, "must not be null");

    private T Read<T>(ConfigKey key, Func<object?, string, T> convert)
    {
        var (value, where) = Take(key);
        return convert(value, where);
    }

    /// <summary>Finds the key under any of its spellings; two spellings with different values are an error.</summary>
    private (object? Value, string Where) Take(ConfigKey key)
    {
        string? found = null;
        object? value = null;
        foreach (var name in key.AllNames.Where(_map.ContainsKey))
        {
            _consumed.Add(name);
            if (found is null)
            {
                (found, value) = (name, _map[name]);
            }
            else if (!Equals(value, _map[name]))
            {
                throw ConfigDocumentException.Structure(PathOf(name), $"conflicts with '{found}' (both spell {key.Name}); keep one");
            }
        }

        return (value, PathOf(found ?? key.Name));
    }

    private string PathOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";
}
