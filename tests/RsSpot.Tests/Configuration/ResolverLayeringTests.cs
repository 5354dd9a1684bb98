using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

/// <summary>Retry and cache blocks merge field by field; legacy knobs work; state.db is found relative to the config.</summary>
[TestFixture]
public sealed class ResolverLayeringTests : TempHomeFixture
{
    [Test]
    public void ProfileRetryBlockMergesOverTheTopLevelBlockFieldByField()
    {
        Write("default_profile: p\nretry:\n  max_attempts: 6\n  base_delay: 1.0\nprofiles:\n  p:\n    retry:\n      max_delay: 9\n");

        var resolved = Resolve();

        Assert.Multiple(() =>
        {
            Assert.That(resolved.Retry.MaxAttempts, Is.EqualTo(6));
            Assert.That(resolved.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(resolved.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(9)));
            Assert.That(resolved.Retry.Jitter, Is.EqualTo(new RetryOptions().Jitter));
            Assert.That(resolved.Sources["retry.max_attempts"], Is.EqualTo("config:retry"));
            Assert.That(resolved.Sources["retry.max_delay"], Is.EqualTo("profile:p"));
            Assert.That(resolved.Sources["retry.jitter"], Is.EqualTo("default"));
        });
    }

    [Test]
    public void ProfileLegacyKnobsAreAFallbackBelowTheProfileRetryBlock()
    {
        Write("default_profile: p\nretry:\n  max_attempts: 9\nprofiles:\n  p:\n    max_retries: 2\n    retry_backoff_factor: 0.5\n    retry:\n      base_delay: 0.1\n");

        var retry = Resolve().Retry;

        Assert.Multiple(() =>
        {
            Assert.That(retry.MaxAttempts, Is.EqualTo(3), "max_retries + 1 beats the top-level block");
            Assert.That(retry.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(0.1)), "the profile block beats the legacy factor");
            Assert.That(retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(8)), "max(2.5, 16 x 0.5)");
        });
    }

    [Test]
    public void EnvironmentAndExplicitLegacyKnobsBeatTheProfileBlock()
    {
        Write("default_profile: p\nprofiles:\n  p:\n    retry:\n      max_attempts: 2\n      base_delay: 0.3\n");
        Home.Variables["SPOT_MAX_RETRIES"] = "5";
        Home.Variables["RSSPOT_RETRY_BACKOFF_FACTOR"] = "0.1";

        var fromEnv = Resolve();
        var fromArgument = Resolve(new ResolveRequest { MaxRetries = 0 });

        Assert.Multiple(() =>
        {
            Assert.That(fromEnv.Retry.MaxAttempts, Is.EqualTo(6));
            Assert.That(fromEnv.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(0.1)));
            Assert.That(fromEnv.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
            Assert.That(fromEnv.Sources["retry.max_attempts"], Is.EqualTo("env:SPOT_MAX_RETRIES"));
            Assert.That(fromArgument.Retry.MaxAttempts, Is.EqualTo(1));
            Assert.That(fromArgument.Sources["retry.max_attempts"], Is.EqualTo("argument"));
        });
    }

    [Test]
    public void ExplicitRetryOptionsReplaceConfigurationButLegacyArgumentsStillApply()
    {
        Write("retry:\n  max_attempts: 9\n  jitter: 0.5\n");
        var explicitRetry = new RetryOptions { MaxAttempts = 2, Jitter = 0 };

        var resolved = Resolve(new ResolveRequest { Retry = explicitRetry, RetryBackoffFactor = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(resolved.Retry.MaxAttempts, Is.EqualTo(2));
            Assert.That(resolved.Retry.Jitter, Is.Zero);
            Assert.That(resolved.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(resolved.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(16)));
            Assert.That(resolved.Retry, Is.Not.SameAs(explicitRetry), "the caller's options are not shared");
        });
    }

    [Test]
    public void NegativeLegacyEnvironmentKnobIsAnError()
    {
        Home.Variables["RSSPOT_MAX_RETRIES"] = "-1";

        var error = Assert.Throws<SpotConfigurationException>(() => Resolve());

        Assert.That(error!.Message, Does.Contain("RSSPOT_MAX_RETRIES").And.Contain("negative"));
    }

    [Test]
    public void CacheBlocksMergeFieldByFieldAndExplicitOptionsReplaceThem()
    {
        Write("default_profile: p\ncache:\n  default_ttl: 9\n  max_entries: 50\nprofiles:\n  p:\n    cache:\n      enabled: false\n      ttl_defaults:\n        \"GET:/only\": 1\n");

        var merged = Resolve().Cache;
        var replaced = Resolve(new ResolveRequest { Cache = new CacheOptions { MaxEntries = 3 } });

        Assert.Multiple(() =>
        {
            Assert.That(merged.Enabled, Is.False);
            Assert.That(merged.DefaultTtl, Is.EqualTo(TimeSpan.FromSeconds(9)));
            Assert.That(merged.MaxEntries, Is.EqualTo(50));
            Assert.That(merged.TtlRules, Is.EqualTo(new Dictionary<string, TimeSpan> { ["GET:/only"] = TimeSpan.FromSeconds(1) }));
            Assert.That(replaced.Cache.MaxEntries, Is.EqualTo(3));
            Assert.That(replaced.Cache.DefaultTtl, Is.EqualTo(new CacheOptions().DefaultTtl));
            Assert.That(replaced.Sources["cache.max_entries"], Is.EqualTo("argument"));
        });
    }

    [TestCase(null, null, "config-directory")]
    [TestCase("data/state.db", null, "config:state_path")]
    [TestCase("~/elsewhere/state.db", null, "config:state_path")]
    [TestCase(null, "/tmp/explicit-state.db", "argument")]
    public void StatePathPrecedence(string? configured, string? argument, string source)
    {
        var path = Write(configured is null ? "version: \"2\"\n" : $"state_path: {configured}\n");
        var configDirectory = Path.GetDirectoryName(path)!;
        var expected = argument
            ?? (configured is null ? Path.Combine(configDirectory, "state.db")
            : configured.StartsWith('~') ? Path.Combine(Home.Root, configured[2..])
            : Path.Combine(configDirectory, configured));

        var resolved = Resolve(new ResolveRequest { StatePath = argument });

        Assert.Multiple(() =>
        {
            Assert.That(resolved.StatePath, Is.EqualTo(Path.GetFullPath(expected)));
            Assert.That(resolved.Sources["state_path"], Is.EqualTo(source));
        });
    }

    [Test]
    public void RuntimeConfigsKeepStateInTheHomeDirectory()
    {
        var loaded = ConfigLoader.Load(new ConfigLoadRequest { Config = new SpotConfig() }, Home.Environment);

        var resolved = ConfigResolver.Resolve(loaded, null, null, Home.Environment);

        Assert.That(resolved.StatePath, Is.EqualTo(Path.Combine(Home.ConfigDirectory, "state.db")));
    }

    private string Write(string yaml) => Home.Write(Path.Combine(".config", "rsspot", "config.yml"), yaml);

    private ResolvedSettings Resolve(ResolveRequest? arguments = null) =>
        ConfigResolver.Resolve(Home.Load(), arguments, null, Home.Environment);
}
