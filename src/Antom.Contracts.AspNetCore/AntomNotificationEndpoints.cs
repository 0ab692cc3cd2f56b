using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Antom.Contracts.AspNetCore;

/// <summary>Maps Antom's notification URL onto the framework-neutral <see cref="AntomNotificationReceiver"/>.</summary>
public static class AntomNotificationEndpoints
{
    /// <summary>The largest notification body accepted; Antom's notifications are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: reads the raw body (the signature covers it), verifies it with the
    /// <see cref="AntomSignatureVerifier"/> registered in DI, parses, calls <paramref name="handler"/>, and writes the exact
    /// acknowledgement only after the handler succeeded. Otherwise it answers 401 (bad signature), 400 (bad payload) or
    /// 500 (handler failed), and Antom re-sends.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The notify path, which is also the path the signature covers (e.g. <c>/antom/notify</c>).</param>
    /// <param name="handler">The handler; make it idempotent on <c>captureId</c>.</param>
    /// <exception cref="InvalidOperationException">No <see cref="AntomSignatureVerifier"/> is registered in DI.</exception>
    public static IEndpointConventionBuilder MapAntomNotifications(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<AntomNotification, NotificationContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        // Built once, at startup: a missing verifier fails here, not on Antom's first notification, and every request
        // shares one store (the registered INotificationStore, or one in-memory store).
        var receiver = new AntomNotificationReceiver(
            endpoints.ServiceProvider.GetRequiredService<AntomSignatureVerifier>(),
            pattern,
            endpoints.ServiceProvider.GetService<INotificationStore>());
        return endpoints.MapPost(pattern, async (HttpContext context) =>
        {
            byte[]? body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            NotificationOutcome outcome = await receiver.ReceiveAsync(
                context.Request.Headers["client-id"].ToString(),
                context.Request.Headers["request-time"].ToString(),
                context.Request.Headers["signature"].ToString(),
                body,
                handler,
                context.RequestAborted).ConfigureAwait(false);

            context.Response.StatusCode = outcome.Rejection switch
            {
                NotificationRejection.None => StatusCodes.Status200OK,
                NotificationRejection.BadSignature => StatusCodes.Status401Unauthorized,
                NotificationRejection.BadPayload => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            };
            if (outcome.IsAcknowledged)
            {
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(outcome.Acknowledgement, context.RequestAborted).ConfigureAwait(false);
            }
        });
    }

    // The raw bytes, untouched; null when the body is larger than MaxBodyBytes.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
