using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Antom.Contracts.Hosting;

/// <summary>
/// What <see cref="AntomServiceCollectionExtensions.AddAntom"/> returns: extension methods of other packages (durable
/// stores, for example <c>UseSqliteStores</c>) hang off it. The in-memory stores it registers are defaults; a store
/// registered later replaces them.
/// </summary>
public sealed class AntomBuilder
{
    internal AntomBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services Antom was added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Tunes the circuit breaker in front of Antom (Polly's defaults otherwise: open for 5 s when at least 10 % of at
    /// least 100 calls in 30 s failed with a connection failure, a timeout or HTTP 408, 429 or 5xx). While it is open no
    /// request is sent, and the call fails with <see cref="Http.AntomRequestNotSentException"/>.
    /// </summary>
    public AntomBuilder ConfigureCircuitBreaker(Action<HttpCircuitBreakerStrategyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(AntomResilience.PipelineName, configure);
        return this;
    }
}
