namespace RsSpot.Workflows;

/// <summary>
/// Drives candidates through <see cref="IRegistrationHandler"/> until each is registered, skipped, gone or out of
/// retries. All progress lives in the ledger, so a runner restarted after a crash resumes where the last one
/// stopped, and several runners (threads or processes) can share one ledger: every step is claimed by a
/// compare-and-set transition, so only one of them acts on a VM at each step.
/// </summary>
public sealed class RegistrationRunner
{
    private readonly RegistrationWorkflow _workflow;
    private readonly IRegistrationHandler _handler;
    private readonly int _maxConcurrency;

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

    /// <summary>
    /// Discovers the candidates (idempotently) and works on each until it settles. Waits for backoff on the
    /// workflow's clock. Cancelling stops between steps; the ledger stays consistent and a later run resumes.
    /// </summary>
    /// <param name="candidates">VMs to register, usually from <see cref="RegistrationWorkflow.FetchCandidatesAsync"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<RegistrationRunResult> RunAsync(IEnumerable<RegistrationCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var keys = candidates.Select(c => _workflow.MarkDiscovered(c).Key).Distinct(StringComparer.Ordinal).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(keys, parallel, async (key, ct) => await SettleAsync(key, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return new RegistrationRunResult([.. keys.Select(key => _workflow.Get(key)).OfType<RegistrationRecord>()]);
    }

    private async Task SettleAsync(string key, CancellationToken cancellationToken)
    {
        // Each pass re-reads the ledger, so a step lost to another runner is simply followed from where it left the VM.
        while (_workflow.Get(key) is { } record && !IsSettled(record))
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
            _workflow.TryAdvance(record.Key, record.Status, RegistrationStatus.TokenIssued, _ => RegistrationWorkflow.TokenChange(record.Key, token, null));
        }

        catch (Exception ex) when (IsFailure(ex, cancellationToken))
        {
            Fail(record, "issuing a token failed", ex);
        }
    }

    private async Task SubmitAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        // Claim first: whoever moves the VM to submitted is the only one to call Submit (see IRegistrationHandler).
        if (!_workflow.TryAdvance(record.Key, RegistrationStatus.TokenIssued, RegistrationStatus.Submitted, _ => RegistrationWorkflow.Progress(record.Key, null)))
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
                _workflow.TryAdvance(record.Key, RegistrationStatus.Submitted, RegistrationStatus.Registered, _ => RegistrationWorkflow.Progress(record.Key, null));
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
            current => _workflow.FailureChange(current, exhausted ? $"{error} after {current.Attempts + 1} attempts" : error, null));
    }

    private void Fail(RegistrationRecord record, string what, Exception ex) =>
        _workflow.TryAdvance(record.Key, record.Status, RegistrationStatus.Failed, current => _workflow.FailureChange(current, $"{what}: {ex.Message}", null));

    private static bool IsFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
