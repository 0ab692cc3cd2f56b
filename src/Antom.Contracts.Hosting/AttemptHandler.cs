using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Hosting;

/// <summary>
/// The innermost handler: marks each attempt as possibly sent before handing it to the network, and takes the mark
/// back only when the attempt failed while connecting.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(SendTracker.Key, out SendTracker? tracker))
        {
            // Thrown before sending, so it is true that nothing left; the pipeline is wired wrong and says so at once.
            throw new InvalidOperationException("The Antom HTTP pipeline lost its send tracker; nothing was sent.");
        }

        tracker.Sending();
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (AntomResilience.ProvablyNotSent(e))
        {
            tracker.ProvedNotSent();
            throw;
        }
    }
}
