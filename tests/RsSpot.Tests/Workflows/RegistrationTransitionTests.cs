using RsSpot.Testing;
using RsSpot.Workflows;
using static RsSpot.Workflows.RegistrationStatus;

namespace RsSpot.Tests.Workflows;

/// <summary>Every mark from every status: the legal ones apply, the others throw and leave the entry untouched.</summary>
public class RegistrationTransitionTests(SharedBackend backend) : LedgerTestBase(backend)
{
    // The specification, written out independently of the production table: from → the marks it accepts.
    private static readonly Dictionary<RegistrationStatus, RegistrationStatus[]> Legal = new()
    {
        [Discovered] = [TokenIssued, Failed, Skipped, Gone],
        [TokenIssued] = [TokenIssued, Submitted, Failed, Skipped, Gone],
        [Submitted] = [Submitted, Registered, Failed, Skipped, Gone],
        [Registered] = [Registered, Gone],
        [Failed] = [TokenIssued, Failed, Skipped, Gone],
        [Skipped] = [Skipped, Gone],
        [Gone] = [Gone],
    };

    private static IEnumerable<TestCaseData> Moves() =>
        from source in Enum.GetValues<RegistrationStatus>()
        from target in new[] { TokenIssued, Submitted, Registered, Failed, Skipped, Gone }
        let legal = Legal[source].Contains(target)
        select new TestCaseData(source, target, legal).SetName($"{source.ToText()} -> {target.ToText()}: {(legal ? "legal" : "illegal")}");

    [TestCaseSource(nameof(Moves))]
    public void A_mark_is_applied_only_when_legal(RegistrationStatus from, RegistrationStatus to, bool legal)
    {
        var before = Place(Candidate(1), from);

        if (legal)
        {
            var after = Mark(before.Key, to);
            Assert.That(after.Status, Is.EqualTo(to));
        }
        else
        {
            var error = Assert.Throws<RegistrationTransitionException>(() => Mark(before.Key, to))!;
            Assert.Multiple(() =>
            {
                Assert.That(error.From, Is.EqualTo(from));
                Assert.That(error.To, Is.EqualTo(to));
                Assert.That(error.Message, Does.StartWith($"cannot mark '{before.Key}' {to.ToText()}: "));
                Assert.That(error.Message, Does.Not.Contain('\n'));
                Assert.That(Workflow.Get(before.Key), Is.EqualTo(before), "a refused mark changes nothing");
            });
        }
    }

    [TestCase(Discovered, Discovered)]
    [TestCase(TokenIssued, TokenIssued)]
    [TestCase(Submitted, Submitted)]
    [TestCase(Registered, Registered)]
    [TestCase(Failed, Failed)]
    [TestCase(Skipped, Skipped)]
    [TestCase(Gone, Discovered)]
    public void Rediscovery_never_moves_a_known_vm_except_one_that_came_back(RegistrationStatus from, RegistrationStatus expected)
    {
        var candidate = Candidate(1);
        Place(candidate, from);

        var after = Workflow.MarkDiscovered(candidate);

        Assert.Multiple(() =>
        {
            Assert.That(after.Status, Is.EqualTo(expected));
            Assert.That(after.TokenId, Is.EqualTo("tok-1"), "rediscovery keeps the token");
            Assert.That(after.PayloadJson, Is.EqualTo("""{"step":"placed"}"""));
        });
    }

    [Test]
    public void A_token_past_its_expiry_cannot_be_submitted()
    {
        var key = Workflow.MarkDiscovered(Candidate(1)).Key;
        Workflow.MarkTokenIssued(key, "tok-short", Clock.GetUtcNow().AddMinutes(5));
        Clock.Advance(TimeSpan.FromMinutes(5));

        var error = Assert.Throws<RegistrationTransitionException>(() => Workflow.MarkSubmitted(key))!;
        Workflow.MarkTokenIssued(key, "tok-fresh", Clock.GetUtcNow().AddMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("token 'tok-short' expired").And.Contain("issue a new token"));
            Assert.That(Workflow.MarkSubmitted(key).TokenId, Is.EqualTo("tok-fresh"));
        });
    }

    [Test]
    public void An_already_expired_token_is_refused_when_issued()
    {
        var key = Workflow.MarkDiscovered(Candidate(1)).Key;

        Assert.Throws<ArgumentException>(() => Workflow.MarkTokenIssued(key, "tok-old", Clock.GetUtcNow().AddSeconds(-1)));
        Assert.That(Workflow.Get(key)!.Status, Is.EqualTo(Discovered));
    }

    [Test]
    public void Reset_makes_a_terminal_vm_discoverable_afresh()
    {
        var candidate = Candidate(1);
        Place(candidate, Registered);

        Assert.That(Workflow.Reset(candidate.Key), Is.True);
        var fresh = Workflow.MarkDiscovered(candidate);

        Assert.Multiple(() =>
        {
            Assert.That(fresh.Status, Is.EqualTo(Discovered));
            Assert.That(fresh.TokenId, Is.Null);
            Assert.That(fresh.Attempts, Is.Zero);
            Assert.That(Workflow.Reset("vmreg-unknown"), Is.False);
        });
    }
}
