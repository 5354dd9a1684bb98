using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RsSpot.Internal;

namespace RsSpot.Http;

/// <summary>
/// Retries transient failures with a Polly v8 pipeline (decisions in <see cref="RetryPolicy"/>), applies the
/// per-attempt timeout and the overall deadline, and resends a fresh copy of the request on each attempt.
/// Backoff delays run on the injected TimeProvider; timeouts are wall-clock limits and use the system clock.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryPolicy _policy;
    private readonly TimeSpan _attemptTimeout;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public RetryHandler(RetryPolicy policy, TimeSpan attemptTimeout, TimeProvider time, ILogger logger)
    {
        _policy = policy;
        _attemptTimeout = attemptTimeout;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (policy.Options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.Options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is not OperationCanceledException
                    && policy.ShouldRetry(args.Outcome.Result, args.Outcome.Exception, args.Context.Properties.GetValue(ReplaySafeKey, false))),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(policy.Delay(args.AttemptNumber + 1, args.Outcome.Result)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    request.Options.Set(SpotRequestOptions.RetryCount, args.AttemptNumber + 1);
                    _logger.LogWarning(
                        "Retrying {Method} {Path} after {Outcome} in {Delay} ms (retry {Retry} of {MaxRetries})",
                        request.Method, request.RequestUri?.AbsolutePath, Describe(args.Outcome), (int)args.RetryDelay.TotalMilliseconds,
                        args.AttemptNumber + 1, policy.Options.MaxAttempts - 1);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    private static readonly ResiliencePropertyKey<bool> ReplaySafeKey = new("rsspot.replay-safe");
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("rsspot.request");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = await HttpRequestCloner.BufferContentAsync(request, cancellationToken).ConfigureAwait(false);
        using var deadline = _policy.Options.OverallTimeout is { } overall ? new CancellationTokenSource(overall) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked?.Token ?? cancellationToken;

        var context = ResilienceContextPool.Shared.Get(token);
        context.Properties.Set(ReplaySafeKey, RetryPolicy.IsReplaySafe(request));
        context.Properties.Set(RequestKey, request);
        var attempt = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async ctx => await SendAttemptAsync(attempt++ == 0 ? request : HttpRequestCloner.Clone(request, content), ctx.CancellationToken).ConfigureAwait(false),
                context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri?.AbsolutePath} did not complete within the overall timeout of {_policy.Options.OverallTimeout!.Value.TotalSeconds:0.#} s.");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(_attemptTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri?.AbsolutePath} timed out after {_attemptTimeout.TotalSeconds:0.#} s.");
        }
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";
}
