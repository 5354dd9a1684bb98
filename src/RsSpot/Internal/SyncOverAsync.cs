namespace RsSpot.Internal;

/// <summary>
/// The single bridge from the synchronous API to the asynchronous implementation (as Stripe does).
/// Every await inside the library uses ConfigureAwait(false), so blocking is safe on a plain thread; when the caller
/// has a SynchronizationContext or a custom TaskScheduler (UI thread, single-threaded async context) the work is
/// moved to the thread pool first so it can never need the thread we are blocking.
/// </summary>
internal static class SyncOverAsync
{
    public static T Run<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default)
        {
            return operation(cancellationToken).ConfigureAwait(false).GetAwaiter().GetResult();
        }

        return Task.Run(() => operation(cancellationToken), cancellationToken).ConfigureAwait(false).GetAwaiter().GetResult();
    }

    public static void Run(Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        Run<bool>(async ct =>
        {
            await operation(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
