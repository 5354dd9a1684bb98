using System.Globalization;
using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Workflows;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot registration ...</c>: the VM registration ledger, so a script in any language can walk VMs into a
/// cluster through the CLI (JSON by default, one object per line with -o jsonl).
/// </summary>
internal sealed class RegistrationCommands(CliContext context)
{
    private RegistrationWorkflow Workflow => new(context.State);

    [Command("candidates", Description = "List the VMs of the inventory that could join a cluster (marks nothing)")]
    [SpotOperation("Organizations_List")]
    [SpotOperation("VmCloudSpaces_List")]
    public async Task Candidates(
        [Option("cluster", Description = "Cluster the VMs are to join")] string cluster,
        [Option("org", Description = "Organization name or id (default: the configured one)")] string? org = null) =>
        context.Output.Write(await FetchAsync(cluster, org).ConfigureAwait(false));

    [Command("discover", Description = "Record every candidate as discovered (idempotent; known VMs keep their status)")]
    [SpotOperation("Organizations_List")]
    [SpotOperation("VmCloudSpaces_List")]
    public async Task Discover(
        [Option("cluster", Description = "Cluster the VMs are to join")] string cluster,
        [Option("org", Description = "Organization name or id (default: the configured one)")] string? org = null)
    {
        var candidates = await FetchAsync(cluster, org).ConfigureAwait(false);
        var workflow = Workflow;
        context.Output.Write(candidates.Select(c => workflow.MarkDiscovered(c)).ToList());
    }

    [Command("list", Description = "List ledger entries, most recently changed first")]
    public void List(
        [Option("status", Description = "Only entries with this status")] string? status = null,
        [Option("limit", Description = "Most entries shown (1..5000)")] int limit = 200) =>
        context.Output.Write(Workflow.List(status is null ? null : ParseStatus(status), limit));

    [Command("show", Description = "Show one ledger entry")]
    public void Show([Argument(Description = "Registration key (vmreg-...)")] string key) =>
        context.Output.Write(Workflow.Get(key) ?? throw new SpotNotFoundException($"no registration '{key}' in the ledger"));

    [Command("mark", Description = "Move an entry to a new status (illegal moves exit 2)")]
    public void Mark(
        [Argument(Description = "Registration key (vmreg-...)")] string key,
        [Option("status", Description = "token_issued, submitted, registered, failed, skipped or gone")] string status,
        [Option("token-id", Description = "Join token id (with --status token_issued)")] string? tokenId = null,
        [Option("token-expires-at", Description = "Token expiry, ISO 8601 (with --status token_issued)")] string? tokenExpiresAt = null,
        [Option("error", Description = "What went wrong (with --status failed)")] string? error = null,
        [Option("payload-json", Description = "JSON payload to store with the entry")] string? payloadJson = null)
    {
        var target = ParseStatus(status);
        var workflow = Workflow;
        try
        {
            context.Output.Write(target switch
            {
                RegistrationStatus.TokenIssued => workflow.MarkTokenIssued(key, Require(tokenId, "--token-id", status), ParseInstant(tokenExpiresAt), payloadJson),
                RegistrationStatus.Submitted => workflow.MarkSubmitted(key, payloadJson),
                RegistrationStatus.Registered => workflow.MarkRegistered(key, payloadJson),
                RegistrationStatus.Failed => workflow.MarkFailed(key, Require(error, "--error", status), payloadJson),
                RegistrationStatus.Skipped => workflow.MarkSkipped(key, payloadJson),
                RegistrationStatus.Gone => workflow.MarkGone(key, payloadJson),
                _ => throw new UsageException("use 'registration discover' to record discovered VMs"),
            });
        }
        catch (RegistrationTransitionException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    [Command("reset", Description = "Forget an entry, so the VM starts afresh when next discovered")]
    public void Reset(
        [Argument(Description = "Registration key (vmreg-...)")] string key,
        [Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false)
    {
        var workflow = Workflow;
        _ = workflow.Get(key) ?? throw new SpotNotFoundException($"no registration '{key}' in the ledger");
        context.Confirm($"Forget registration '{key}'?", yes);
        workflow.Reset(key);
        context.Output.Note($"reset {key}");
    }

    [Command("reconcile", Description = "Mark gone the entries whose VM has left the inventory")]
    [SpotOperation("Organizations_List")]
    [SpotOperation("VmCloudSpaces_List")]
    public async Task Reconcile(
        [Option("cluster", Description = "Cluster whose entries are checked")] string cluster,
        [Option("org", Description = "Organization name or id (default: the configured one)")] string? org = null)
    {
        var candidates = await FetchAsync(cluster, org).ConfigureAwait(false);

        // Scope by the organization even when its inventory is empty, so other organizations' entries are untouched.
        var orgName = await context.Client.ResolveOrgNameAsync(org, context.CancellationToken).ConfigureAwait(false);
        var orgId = (await context.Client.Organizations.GetAsync(orgName, context.CancellationToken).ConfigureAwait(false)).Id;
        context.Output.Write(Workflow.Reconcile(candidates, cluster, orgId));
    }

    private Task<IReadOnlyList<RegistrationCandidate>> FetchAsync(string cluster, string? org)
    {
        if (string.IsNullOrWhiteSpace(cluster))
        {
            throw new UsageException("--cluster needs a name");
        }

        return RegistrationWorkflow.FetchCandidatesAsync(context.Client, cluster, org, context.CancellationToken);
    }

    private static RegistrationStatus ParseStatus(string text) => RegistrationStatusText.TryParse(text, out var status)
        ? status
        : throw new UsageException($"invalid status '{text}' (expected one of: {string.Join(", ", RegistrationStatusText.All)})");

    private static string Require(string? value, string option, string status) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"--status {status} needs {option}") : value;

    private static DateTimeOffset? ParseInstant(string? text) => text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new UsageException($"invalid --token-expires-at '{text}' (expected ISO 8601, e.g. 2026-01-31T12:00:00Z)");
}
