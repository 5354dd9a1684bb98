using Microsoft.Extensions.Logging;
using RsSpot.Models;

namespace RsSpot.Internal;

/// <summary>How to replace one pool: make the new one (through the normal create path) under a given name, wait for it, delete a pool.</summary>
internal sealed record ReplacementPlan<T>(
    string Noun,
    T OldPool,
    int Desired,
    Func<string, CancellationToken, Task<T>> Create,
    Func<string, int, CancellationToken, Task<WaitResult<T>>> Wait,
    Func<string, CancellationToken, Task> Delete)
    where T : NodePool;

/// <summary>
/// Safe pool replacement, for both kinds: create the new pool, wait until it has won its servers, and only then delete
/// the old one. On a timeout, a blocking state, an error or cancellation the new pool is deleted and the old one is
/// never touched. The new pool's name is chosen up front, so it can be rolled back even when its create was cut short.
/// </summary>
internal static class PoolReplacer
{
    public static async Task<PoolReplacement<T>> ReplaceAsync<T>(SpotClientCore core, ReplacementPlan<T> plan, CancellationToken cancellationToken)
        where T : NodePool
    {
        var (noun, old) = (plan.Noun, plan.OldPool.Name);
        var newName = Guid.NewGuid().ToString();
        WaitResult<T> wait;
        try
        {
            await plan.Create(newName, cancellationToken).ConfigureAwait(false);
            wait = await plan.Wait(newName, plan.Desired, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var error = await RollBackAsync(core, plan, newName).ConfigureAwait(false);
            throw new SpotReplaceCancelledException($"replacement cancelled: {RolledBack(noun, newName, old, error)}", newName, error, cancellationToken);
        }
        catch (SpotException e)
        {
            var error = await RollBackAsync(core, plan, newName).ConfigureAwait(false);
            if (e is SpotValidationException or SpotConflictException && error is null)
            {
                throw; // refused before anything existed: the refusal is the whole story
            }

            throw new SpotException($"replacing {noun} {old} failed: {e.Message}; {RolledBack(noun, newName, old, error)}", e);
        }

        if (!wait.Succeeded)
        {
            var error = await RollBackAsync(core, plan, newName).ConfigureAwait(false);
            return new PoolReplacement<T>
            {
                OldPool = plan.OldPool,
                NewPoolName = newName,
                Wait = wait,
                RollbackError = error,
                Message = $"{wait.Message}; {RolledBack(noun, newName, old, error)}",
            };
        }

        try
        {
            await plan.Delete(old, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SpotException or OperationCanceledException)
        {
            // Both pools exist now: the new one is healthy, so keeping it is right; the old one only costs money.
            throw new SpotException($"the new {noun} {newName} has its servers, but deleting the old {noun} {old} failed ({e.Message}): delete it yourself", e);
        }

        return new PoolReplacement<T>
        {
            OldPool = plan.OldPool,
            NewPoolName = newName,
            Wait = wait,
            Message = $"replaced {noun} {old} with {newName} ({wait.Message}); {old} was deleted",
        };
    }

    /// <summary>Deletes the new pool, whatever cancelled the replacement; returns why it failed, or null (gone already counts as done).</summary>
    private static async Task<string?> RollBackAsync<T>(SpotClientCore core, ReplacementPlan<T> plan, string newName)
        where T : NodePool
    {
        try
        {
            await plan.Delete(newName, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (SpotNotFoundException)
        {
            return null;
        }
        catch (SpotException e)
        {
            core.Logger.LogWarning("Rolling back {Noun} {Name} failed: {Error}", plan.Noun, newName, e.Message);
            return e.Message;
        }
    }

    private static string RolledBack(string noun, string newName, string old, string? error) => error is null
        ? $"the new {noun} {newName} was deleted and {old} was left untouched"
        : $"deleting the new {noun} {newName} failed ({error}): delete it yourself; {old} was left untouched";
}
