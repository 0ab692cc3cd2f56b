using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Hosting.Tests;

/// <summary>
/// The innermost handler, after the resilience handler: counts the attempts handed to the network and, when
/// <c>before</c> says so for an attempt, fails it before sending (as a refused connection does) or after.
/// </summary>
internal sealed class FaultInjector : DelegatingHandler
{
    private readonly Func<int, Exception?> _before;
    private readonly Func<int, Exception?> _after;
    private int _attempts;

    public FaultInjector(Func<int, Exception?>? before = null, Func<int, Exception?>? after = null)
    {
        _before = before ?? (_ => null);
        _after = after ?? (_ => null);
    }

    public int Attempts => Volatile.Read(ref _attempts);

    public static HttpRequestException Refused() => new(HttpRequestError.ConnectionError, "Connection refused (injected)");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int attempt = Interlocked.Increment(ref _attempts);
        if (_before(attempt) is { } before)
        {
            throw before;
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (_after(attempt) is { } after)
        {
            response.Dispose();
            throw after;
        }

        return response;
    }
}
