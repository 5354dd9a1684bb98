namespace RsSpot.Models;

/// <summary>A Kubernetes taint put on every node of a pool.</summary>
/// <param name="Key">Taint key.</param>
/// <param name="Value">Taint value (may be empty).</param>
/// <param name="Effect">NoSchedule, PreferNoSchedule or NoExecute.</param>
public sealed record Taint(string Key, string? Value, string Effect)
{
    /// <summary>The effects Kubernetes accepts.</summary>
    public static IReadOnlyList<string> Effects { get; } = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    /// <summary>Parses <c>key=value:Effect</c> (or <c>key:Effect</c>), the kubectl notation.</summary>
    /// <exception cref="SpotValidationException">The text is not a valid taint.</exception>
    public static Taint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new SpotValidationException($"invalid taint '{text}': expected key=value:Effect (Effect is {string.Join(", ", Effects)})");
        }

        var effect = Effects.FirstOrDefault(e => string.Equals(e, text[(colon + 1)..].Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new SpotValidationException($"invalid taint effect '{text[(colon + 1)..]}': expected one of {string.Join(", ", Effects)}");
        var keyValue = text[..colon];
        var equals = keyValue.IndexOf('=', StringComparison.Ordinal);
        var key = (equals < 0 ? keyValue : keyValue[..equals]).Trim();
        if (key.Length == 0)
        {
            throw new SpotValidationException($"invalid taint '{text}': the key is empty");
        }

        return new Taint(key, equals < 0 ? null : keyValue[(equals + 1)..].Trim(), effect);
    }

    /// <inheritdoc />
    public override string ToString() => Value is null ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}
