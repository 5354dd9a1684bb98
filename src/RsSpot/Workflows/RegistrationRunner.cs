using System.Runtime.ExceptionServices;
using RsSpot.State;

namespace RsSpot.Workflows;

/// <summary>
/// Drives candidates through <see cref="IRegistrationHandler"/> until each is registered, skipped, gone or out of
/// retries. All progress lives in the ledger, so a runner restarted after a crash resumes where the last one
/// stopped, and several runners (threads, processes or machines on one PostgreSQL ledger) share the work: each VM
/// is worked on by the runner holding its lease (<see cref="Lease"/>), every step is a transition guarded by the
/// VM's status and that lease, and a VM whose runner died is taken over once its lease runs out.
/// </summary>
public sealed class RegistrationRunner
{
    private readonly RegistrationWorkflow _workflow;
    private readonly IRegistrationHandler _handler;
    private readonly int _maxConcurrency;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a runner.</summary>
    /// <param name="workflow">The ledger workflow (its retry policy and clock apply).</param>
    /// <param name="handler">The orchestrator's callbacks.</param>
    /// <param name="maxConcurrency">VMs worked on at the same time (at least 1).</param>
    public RegistrationRunner(RegistrationWorkflow workflow, IRegistrationHandler handler, int maxConcurrency = 4)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _workflow = workflow;
        _handler = handler;
        _maxConcurrency = maxConcurrency;
    }

    /// <summary>This runner's name in the ledger's leases (default: host, process id and a random suffix); unique per runner.</summary>
    public string RunnerId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// How long a claim on a VM lasts without renewal (default 1 minute). A working runner renews its leases every third
    /// of it; when a runner dies, the others take its VMs over once the lease has run out.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a runner with nothing left to claim looks again while other runners hold VMs of its run (default 1 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Discovers the candidates (idempotently) and works on each until it settles, claiming one VM at a time per
    /// worker; VMs other runners hold are left to them, or taken over when their lease runs out. Waits for backoff on
    /// the workflow's clock. Cancelling (Ctrl+C, SIGTERM) stops between steps and releases this runner's leases, so
    /// the others carry on at once; the ledger stays consistent and a later run resumes.
    /// </summary>
    /// <param name="candidates">VMs to register, usually from <see cref="RegistrationWorkflow.FetchCandidatesAsync"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The final ledger entry of every VM, in candidate order (count the <see cref="RegistrationRecord.Status"/> values for a summary).</returns>
    public async Task<IReadOnlyList<RegistrationRecord>> RunAsync(IEnumerable<RegistrationCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Lease, TimeSpan.Zero);
        var keys = candidates.Select(c => _workflow.MarkDiscovered(c).Key).Distinct(StringComparer.Ordinal).ToList();
        var work = _workflow.WorkOf(keys);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewLeasesAsync(stop.Token);
        var workers = Enumerable.Range(0, _maxConcurrency).Select(_ => Task.Run(() => WorkAsync(work, stop), CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception) when (workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } failure)
        {
            // A worker's failure stops its siblings; report the failure rather than their cancellations.
            ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);

            // Done or stopped: whatever this runner still holds is free for the others at once, not after the lease.
            try
            {
                _workflow.Ledger.Release(RunnerId);
            }
            catch (SpotException)
            {
                // The database is unreachable: the leases run out on their own, and the run's own outcome is what to report.
            }
        }

        return [.. keys.Select(key => _workflow.Get(key)).OfType<RegistrationRecord>()];
    }

    /// <summary>One worker: claims an open VM, settles it, releases it; ends when no VM of the run is open.</summary>
    private async Task WorkAsync(LedgerWork work, CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_workflow.Ledger.Claim(work, RunnerId, LeaseEnd()) is not { } key)
                {
                    if (_workflow.Ledger.CountOpen(work) == 0)
                    {
                        return;
                    }

                    await WaitForReleaseAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await SettleAsync(key, cancellationToken).ConfigureAwait(false);
                _workflow.Ledger.Release(RunnerId, key);
                Interlocked.Exchange(ref _released, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Every VM left is held by a live lease: wait for a sibling to release one, or poll for other runners'.</summary>
    private async Task WaitForReleaseAsync(CancellationToken cancellationToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Volatile.Read(ref _released).Task, Task.Delay(PollInterval, wake.Token)).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Keeps this runner's leases alive while it works (in real time: leases outlive clock-driven backoff waits).</summary>
    private async Task RenewLeasesAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    _workflow.Ledger.Renew(RunnerId, LeaseEnd());
                }
                catch (SpotException)
                {
                    // The database is unreachable: the workers meet the same failure and stop the run.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private DateTimeOffset LeaseEnd() => _workflow.Clock.GetUtcNow() + Lease;

    private async Task SettleAsync(string key, CancellationToken cancellationToken)
    {
        // Each pass re-reads the ledger, so a step lost to another writer is simply followed from where it left the VM;
        // a lease lost (this runner stalled past it and another took the VM over) ends the work on it.
        while (_workflow.Get(key) is { } record && !IsSettled(record) && record.ClaimedBy == RunnerId)
        {
            await WaitUntilDueAsync(record, cancellationToken).ConfigureAwait(false);
            try
            {
                await StepAsync(record, cancellationToken).ConfigureAwait(false);
            }
            catch (RegistrationTransitionException)
            {
                // The VM moved under us (e.g. its token expired while we claimed it): the next pass sees where it is.
            }
        }
    }

    private bool IsSettled(RegistrationRecord record) =>
        RegistrationTransitions.IsTerminal(record.Status) || (record.Status == RegistrationStatus.Failed && !_workflow.Retry.AllowsRetry(record.Attempts));

    private Task StepAsync(RegistrationRecord record, CancellationToken cancellationToken) => record.Status switch
    {
        RegistrationStatus.TokenIssued when !record.IsTokenExpired(_workflow.Clock.GetUtcNow()) => SubmitAsync(record, cancellationToken),
        RegistrationStatus.Submitted => ConfirmAsync(record, cancellationToken),
        _ => IssueTokenAsync(record, cancellationToken),
    };

    private Task WaitUntilDueAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        var wait = record.NextAttemptAt - _workflow.Clock.GetUtcNow();
        return wait > TimeSpan.Zero ? Task.Delay(wait.Value, _workflow.Clock, cancellationToken) : Task.CompletedTask;
    }

    private async Task IssueTokenAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var token = await _handler.IssueTokenAsync(record, cancellationToken).ConfigureAwait(false);
            _workflow.EnsureUnexpired(token);
            _workflow.TryAdvance(record.Key, record.Status, RegistrationStatus.TokenIssued, _ => RegistrationWorkflow.TokenChange(record.Key, token, null), RunnerId);
        }

        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            Fail(record, "issuing a token failed", ex);
        }
    }

    private async Task SubmitAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        // Claim first: whoever moves the VM to submitted is the only one to call Submit (see IRegistrationHandler).
        if (!_workflow.TryAdvance(record.Key, RegistrationStatus.TokenIssued, RegistrationStatus.Submitted, _ => RegistrationWorkflow.Progress(record.Key, null), RunnerId))
        {
            return;
        }

        var claimed = _workflow.Get(record.Key)!;
        try
        {
            await _handler.SubmitAsync(claimed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            Fail(claimed, "submitting failed", ex);
        }
    }

    private async Task ConfirmAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        string error;
        try
        {
            if (await _handler.ConfirmAsync(record, cancellationToken).ConfigureAwait(false))
            {
                _workflow.TryAdvance(record.Key, RegistrationStatus.Submitted, RegistrationStatus.Registered, _ => RegistrationWorkflow.Progress(record.Key, null), RunnerId);
                return;
            }

            error = "not confirmed yet";
        }
        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            error = $"confirming failed: {ex.Message}";
        }

        // Unconfirmed VMs stay submitted (so they are never submitted again) and are checked again after the backoff;
        // only when the attempts run out do they become failed.
        var exhausted = !_workflow.Retry.AllowsRetry(record.Attempts + 1);
        _workflow.TryAdvance(record.Key, RegistrationStatus.Submitted, exhausted ? RegistrationStatus.Failed : RegistrationStatus.Submitted,
            current => _workflow.FailureChange(current, exhausted ? $"{error} after {current.Attempts + 1} attempts" : error, null), RunnerId);
    }

    private void Fail(RegistrationRecord record, string what, Exception ex) =>
        _workflow.TryAdvance(record.Key, record.Status, RegistrationStatus.Failed, current => _workflow.FailureChange(current, $"{what}: {ex.Message}", null), RunnerId);

    private static bool IsFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
