using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Http;

namespace Antom.Contracts.Hosting;

/// <summary>
/// The outermost handler: a failure of a call none of whose attempts may have left (an open circuit, every attempt
/// failing to connect, a timeout during a back-off) becomes <see cref="AntomRequestNotSentException"/>. Any other
/// failure passes unchanged to <see cref="AntomClient"/>, which reports it as an outcome unknown.
/// </summary>
internal sealed class NotSentHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tracker = new SendTracker();
        request.Options.Set(SendTracker.Key, tracker);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!tracker.MayHaveLeft)
        {
            throw new AntomRequestNotSentException($"{request.RequestUri?.AbsolutePath}: the request was never sent ({e.GetType().Name}: {e.Message}). Nothing happened at Antom; send it again later with the same idempotency key.", e);
        }
    }
}
