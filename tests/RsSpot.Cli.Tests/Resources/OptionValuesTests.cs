using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Tests.Resources;

public class OptionValuesTests
{
    [TestCase("90", 90)]
    [TestCase("45s", 45)]
    [TestCase("10m", 600)]
    [TestCase("1h30m", 5400)]
    [TestCase("1.5", 1.5)]
    public void Durations_accept_seconds_and_units(string text, double seconds) =>
        Assert.That(OptionValues.Duration(text, "timeout"), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [TestCase("")]
    [TestCase("-5")]
    [TestCase("10x")]
    [TestCase("2d")]
    [TestCase("25h")]
    public void Bad_durations_are_usage_errors(string text) =>
        Assert.That(() => OptionValues.Duration(text, "timeout"), Throws.TypeOf<UsageException>().With.Message.Contains("--timeout"));

    [Test]
    public void Key_values_keep_the_last_value_of_a_repeated_key_and_values_may_contain_equals()
    {
        var pairs = OptionValues.KeyValues(["a=1", "b = x=y ", "a=2"], "label");

        Assert.That(pairs, Is.EqualTo(new Dictionary<string, string> { ["a"] = "2", ["b"] = "x=y" }));
        Assert.That(OptionValues.KeyValues([], "label"), Is.Null, "no option given means nothing to send");
    }

    [TestCase("TRUE", true)]
    [TestCase("no", false)]
    [TestCase(null, null)]
    public void Booleans_are_explicit(string? text, bool? expected) =>
        Assert.That(OptionValues.Boolean(text, "gpu-enabled"), Is.EqualTo(expected));
}
