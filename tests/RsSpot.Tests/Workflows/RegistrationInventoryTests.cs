using RsSpot.Tests.Support;
using RsSpot.Workflows;

namespace RsSpot.Tests.Workflows;

/// <summary>Candidates read from the sandbox emulator's VM inventory (both the sync and the async twin).</summary>
public class RegistrationInventoryTests(bool isAsync) : SandboxTestBase(isAsync)
{
    [Test]
    public async Task Candidates_come_from_every_assigned_vm_of_the_org()
    {
        // Static twins: Call(...) reroutes instance calls only.
        var candidates = IsAsync
            ? await RegistrationWorkflow.FetchCandidatesAsync(Client, "omni-lab")
            : RegistrationWorkflow.FetchCandidates(Client, "omni-lab");
        var org = await Call(() => Client.Organizations.GetAsync("acme-corp", default));

        Assert.Multiple(() =>
        {
            Assert.That(candidates, Has.Count.EqualTo(3));
            Assert.That(candidates.Select(c => c.OrgId), Is.All.EqualTo(org.Id));
            Assert.That(candidates.Select(c => c.VmCloudSpace), Is.All.EqualTo("vm-lab"));
            Assert.That(candidates.Select(c => c.Key), Is.Unique);
            Assert.That(candidates[0].Key, Is.EqualTo(RegistrationWorkflow.RegistrationKey(candidates[0].VmUid, org.Id, "vm-lab", candidates[0].VmPool, "omni-lab")));
        });
    }
}
