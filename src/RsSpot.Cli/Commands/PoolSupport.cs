using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Progress;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary>What the spot and on-demand pool commands share beyond their options: the bid guard's voice, waits and replacement reports.</summary>
internal static class PoolSupport
{
    public const string WaitHelp = "Wait until the pool has won its desired servers (exit codes 5-11 name any other ending)";
    public const string WaitTimeoutHelp = "Longest wait: seconds or 10m, 1h";
    public const string ForceHelp = "Accept a bid above the on-demand price or above 3x the market price";

    /// <summary>
    /// Checks a bid before anything is sent: a refusal is one error line (exit 2), a bid below the market price a
    /// warning. The SDK applies the same rules again when it sends the bid.
    /// </summary>
    public static async Task GuardBidAsync(CliContext context, string serverClass, string bid, bool force)
    {
        var assessment = await context.Client.SpotNodePools.CheckBidAsync(serverClass, bid, force, context.CancellationToken).ConfigureAwait(false);
        if (assessment.IsRefused)
        {
            throw new SpotValidationException(assessment.Message!);
        }

        if (assessment.IsWarning)
        {
            context.Warn(assessment.Message!);
        }
    }

    /// <summary>The SDK's local checks of a new pool, run before the bid guard so that mistakes are reported in the order the SDK would.</summary>
    public static void Validate(CreateNodePoolRequest request)
    {
        RsSpot.Internal.NodePoolRules.Validate(request);
        RsSpot.Internal.NodePoolRules.ValidateName(request.Name);
    }

    /// <summary>Prints the pool, or with a <paramref name="timeout"/> waits until it has won its servers and prints its final state.</summary>
    public static async Task WriteOrWaitAsync(CliContext context, NodePool pool, string done, TimeSpan? timeout, string? org)
    {
        if (timeout is not { } limit)
        {
            context.Output.Write(pool);
            return;
        }

        var spot = pool is SpotNodePool;
        context.Output.Note($"{done} {(spot ? "spot" : "on-demand")} pool {pool.Name}; waiting for it to win {pool.Desired} server(s) (Ctrl+C stops the wait, not the pool)");
        await (spot
            ? Waits.SpotPoolAsync(context, pool.Name, null, limit, org)
            : Waits.OnDemandPoolAsync(context, pool.Name, null, limit, org)).ConfigureAwait(false);
    }

    /// <summary>Runs a replacement with the new pool's progress on stderr, then reports it (see <see cref="Report"/>).</summary>
    public static async Task ReplaceAsync<T>(CliContext context, string noun, string name, string serverClass, Func<T, WaitStatus> status, Func<IProgress<T>, Task<PoolReplacement<T>>> replace)
        where T : NodePool
    {
        context.Output.Note($"replacing {noun} {name}: creating a {serverClass} pool and waiting for its servers (Ctrl+C deletes the new pool; {name} is not touched until then)");
        PoolReplacement<T> replacement;
        using (var progress = Waits.Progress(context, $"new {noun}", status))
        {
            replacement = await replace(progress).ConfigureAwait(false);
        }

        Report(context, replacement);
    }

    /// <summary>Prints a replacement and says what happened to both pools; a rollback exits with the wait's code.</summary>
    public static void Report<T>(CliContext context, PoolReplacement<T> replacement)
        where T : NodePool
    {
        context.Output.Write(new ReplacementReport<T>(
            replacement.Succeeded ? "replaced" : "rolled_back", replacement.OldPool, replacement.NewPoolName, replacement.Wait, replacement.RollbackError, replacement.Message, replacement.Succeeded));
        if (!replacement.Succeeded)
        {
            throw new OutcomeException(ExitCodes.Of(replacement.Wait.Outcome), $"{replacement.Message}: {replacement.Wait.Advice}");
        }

        context.Output.Note(replacement.Message);
    }

    /// <summary>Refuses to change what a pool cannot change after creation, naming the command that can.</summary>
    public static void RefuseImmutable(string kind, string? serverClass, string? cloudSpace)
    {
        if (serverClass is not null)
        {
            throw new UsageException($"a pool's server class cannot be changed in place: use 'rsspot nodepools {kind} replace NAME --server-class {serverClass}' (it creates the new pool, waits for its servers, then deletes the old one)");
        }

        if (cloudSpace is not null)
        {
            throw new UsageException($"a pool cannot move to another cloudspace: create a pool in '{cloudSpace}' with 'rsspot nodepools {kind} create', then delete this one");
        }
    }
}

/// <summary>What <c>replace</c> prints: the SDK's result with its outcome as a word scripts can match (replaced, rolled_back).</summary>
internal sealed record ReplacementReport<T>(string Outcome, T OldPool, string NewPoolName, WaitResult<T> Wait, string? RollbackError, string Message, bool Succeeded)
    where T : NodePool;
