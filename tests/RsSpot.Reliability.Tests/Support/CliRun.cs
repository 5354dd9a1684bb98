namespace RsSpot.Reliability.Tests.Support;

/// <summary>What one rsspot run printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error, TimeSpan Elapsed)
{
    /// <summary>The stderr lines that are not notes of the sandbox, warnings or progress.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.StartsWith("error:", StringComparison.Ordinal) || line.StartsWith("   at ", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal))
        .ToList();

    /// <summary>
    /// The shape every refusal must have: the documented exit code, exactly one <c>error: ...</c> line, no stack trace,
    /// and no control character (an escape sequence, a bell) anywhere on stderr.
    /// </summary>
    public void AssertOneLineError(int exitCode, string? containing = null)
    {
        var errors = ErrorLines;
        var first = errors.Count > 0 ? errors[0] : null;
        Assert.Multiple(() =>
        {
            Assert.That(ExitCode, Is.EqualTo(exitCode), ToString());
            Assert.That(errors, Has.Count.EqualTo(1), ToString());
            Assert.That(first, Does.StartWith("error: "), ToString());
            Assert.That(Error.Where(c => char.IsControl(c) && c is not '\n' and not '\r'), Is.Empty, "no control bytes reach the terminal");
            if (containing is not null)
            {
                Assert.That(first, Does.Contain(containing), ToString());
            }
        });
    }

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\nstdout: {Out}\nstderr: {Error}";
}
