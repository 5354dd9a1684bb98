namespace RsSpot.Configuration;

/// <summary>What the caller supplied when asking for configuration; everything else is discovered.</summary>
public sealed class ConfigLoadRequest
{
    /// <summary>A configuration built in code; when set, no file is read.</summary>
    public SpotConfig? Config { get; init; }

    /// <summary>An explicit file (CLI <c>-c</c>); it must exist unless <see cref="AllowMissingFile"/> is set.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>
    /// Lets an explicitly named file (path or environment variable) be missing, yielding an empty configuration
    /// bound to that path. Only for commands that create the file, such as <c>configure</c>.
    /// </summary>
    public bool AllowMissingFile { get; init; }
}
