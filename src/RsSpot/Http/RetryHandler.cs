using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RsSpot.Internal;

namespace RsSpot.Http;

/// <summary>
/// Retries transient failures with a Polly v8 pipeline (decisions in <see cref="RetryPolicy"/>), applies the
/// per-attempt timeout (covering the whole response, body included) and the overall deadline, turns transport
/// failures into <see cref="SpotNetworkException"/>s naming the host, and resends a fresh copy of the request on
/// each attempt.
/// Backoff delays run on the injected TimeProvider; timeouts are wall-clock limits and use the system clock.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryPolicy _policy;
    private readonly TimeSpan _attemptTimeout;
    private readonly ILogger _logger;
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _pipeline;

    public RetryHandler(RetryPolicy policy, TimeSpan attemptTimeout, TimeProvider time, ILogger logger)
    {
        _policy = policy;
        _attemptTimeout = attemptTimeout;
        _logger = logger;
        // Built by the first request that gets this far: a command answered from the cache never pays for Polly.
        _pipeline = new(() => Build(time));
    }

    private ResiliencePipeline<HttpResponseMessage> Build(TimeProvider time)
    {
        var policy = _policy;
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
                    if (RetryPolicy.MayHaveApplied(args.Outcome.Result, args.Outcome.Exception))
                    {
                        args.Context.Properties.Set(MayHaveAppliedKey, true);
                    }

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

        return builder.Build();
    }

    private static readonly ResiliencePropertyKey<bool> ReplaySafeKey = new("rsspot.replay-safe");
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("rsspot.request");
    private static readonly ResiliencePropertyKey<bool> MayHaveAppliedKey = new("rsspot.may-have-applied");

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
            var response = await _pipeline.Value.ExecuteAsync(
                async ctx => await SendAttemptAsync(attempt++ == 0 ? request : HttpRequestCloner.Clone(request, content), ctx.CancellationToken).ConfigureAwait(false),
                context).ConfigureAwait(false);
            return context.Properties.GetValue(MayHaveAppliedKey, false) ? RetryPolicy.SettleRetriedDelete(request, response) : response;
        }
        catch (OperationCanceledException e) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            throw NetworkErrors.Deadline(request, _policy.Options.OverallTimeout!.Value, attempt, e);
        }
        catch (SpotNetworkException e)
        {
            throw NetworkErrors.AfterAttempts(e, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// One attempt, bounded by the per-attempt timeout from the first byte sent to the last byte received: the body
    /// is buffered here, so a server that sends headers and then stalls cannot hang the caller, and a connection
    /// that breaks mid-body fails this attempt (and is retried) rather than the caller's read.
    /// </summary>
    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(_attemptTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException e) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw NetworkErrors.AttemptTimeout(request, _attemptTimeout, e);
        }
        catch (Exception e) when (NetworkErrors.From(e, request) is { } network && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw network;
        }
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";
}
