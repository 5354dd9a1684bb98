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

    [TestCase("24h", 24)]
    [TestCase("7d", 168)]
    [TestCase("2w", 336)]
    [TestCase("1d12h", 36)]
    public void Ages_accept_days_and_weeks(string text, double hours) =>
        Assert.That(OptionValues.Age(text, "older-than"), Is.EqualTo(TimeSpan.FromHours(hours)));

    [TestCase("")]
    [TestCase("0d")]
    [TestCase("30x")]
    [TestCase("-1d")]
    public void Bad_ages_are_usage_errors(string text) =>
        Assert.That(() => OptionValues.Age(text, "older-than"), Throws.TypeOf<UsageException>().With.Message.Contains("--older-than"));

    [Test]
    public void Since_is_an_age_back_from_now_or_an_instant()
    {
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

        Assert.Multiple(() =>
        {
            Assert.That(OptionValues.Since("7d", "since", now), Is.EqualTo(now.AddDays(-7)));
            Assert.That(OptionValues.Since("2026-03-01T06:00:00Z", "since", now), Is.EqualTo(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero)));
            Assert.That(OptionValues.Since("2026-03-01", "since", now), Is.EqualTo(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)), "a date is midnight UTC");
            Assert.That(() => OptionValues.Since("soon", "since", now), Throws.TypeOf<UsageException>().With.Message.Contains("--since 'soon'"));
        });
    }

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
