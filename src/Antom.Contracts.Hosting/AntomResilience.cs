using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Antom.Contracts.Hosting;

/// <summary>
/// The HTTP pipeline of the typed <see cref="Http.AntomClient"/>, outermost first: <see cref="NotSentHandler"/>, the
/// resilience handler (retry, then circuit breaker), <see cref="AttemptHandler"/>, the network.
/// <para>
/// Retried: only an attempt that failed while connecting (DNS, TCP connect, TLS handshake), which proves the request
/// never left, and always the very same message (same bytes, same signature, same idempotency key). Never retried: any
/// HTTP answer (a signed <c>F</c> or <c>U</c> is final for this attempt, and a 5xx may come from a gateway after Antom
/// acted), a dropped connection or timeout after sending, anything else. No hedging, and no Polly timeout: the client's
/// own <c>Timeout</c> bounds every attempt together, and it ends in <see cref="Http.AntomOutcomeUnknownException"/>.
/// </para>
/// </summary>
internal static class AntomResilience
{
    public const string PipelineName = "Antom";

    /// <summary>Whether <paramref name="e"/> proves that its attempt never sent a byte of the request.</summary>
    public static bool ProvablyNotSent(Exception e)
        => e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError };

    public static void AddTo(IHttpClientBuilder client)
    {
        client.AddHttpMessageHandler(() => new NotSentHandler());
        client.AddResilienceHandler(PipelineName, static (pipeline, context) =>
        {
            int retries = context.ServiceProvider.GetRequiredService<IOptions<AntomOptions>>().Value.ConnectRetries;
            if (retries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } e && ProvablyNotSent(e)),
                });
            }

            pipeline.AddCircuitBreaker(context.ServiceProvider.GetRequiredService<IOptionsMonitor<HttpCircuitBreakerStrategyOptions>>().Get(PipelineName));
        });
        client.AddHttpMessageHandler(() => new AttemptHandler());
    }
}
