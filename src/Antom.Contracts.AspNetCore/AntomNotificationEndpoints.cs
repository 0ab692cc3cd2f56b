using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Antom.Contracts.AspNetCore;

/// <summary>Maps Antom's notification URL onto the framework-neutral <see cref="AntomNotificationReceiver"/>.</summary>
public static class AntomNotificationEndpoints
{
    /// <summary>The largest notification body accepted; Antom's notifications are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> with the <see cref="AntomNotificationReceiverOptions"/> registered in DI.
    /// See <see cref="MapAntomNotifications(IEndpointRouteBuilder, string, AntomNotificationReceiverOptions, Func{AntomNotification, NotificationContext, CancellationToken, Task})"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No <see cref="AntomSignatureVerifier"/> or <see cref="AntomNotificationReceiverOptions"/> is registered in DI.</exception>
    public static IEndpointConventionBuilder MapAntomNotifications(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<AntomNotification, NotificationContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        AntomNotificationReceiverOptions options = endpoints.ServiceProvider.GetService<AntomNotificationReceiverOptions>()
            ?? throw new InvalidOperationException("Register AntomNotificationReceiverOptions (at least the ClientIds whose notifications are accepted) in DI, or pass them to MapAntomNotifications.");
        return endpoints.MapAntomNotifications(pattern, options, handler);
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: answers 401 at once when there is no signature header; otherwise reads
    /// the raw body (at most <see cref="MaxBodyBytes"/>), verifies it over the path Antom called (<c>PathBase</c> +
    /// <c>Path</c>, so <c>UsePathBase</c> and <c>MapGroup</c> work) with the <see cref="AntomSignatureVerifier"/> registered
    /// in DI, checks the client id, parses, claims the result in the registered <see cref="INotificationClaimStore"/>
    /// (one in-memory store otherwise), calls <paramref name="handler"/>, and writes the exact acknowledgement only after
    /// the handler succeeded. Otherwise: 401 (signature, client id, age), 400 (payload), 409 (the same result is being
    /// handled by another delivery) or 500 (handler failed); Antom re-sends.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The notify path: a literal path starting with <c>/</c>, with no route parameters.</param>
    /// <param name="options">The accepted client ids and the other receiver settings.</param>
    /// <param name="handler">The handler; it runs once per final result as a first delivery.</param>
    /// <exception cref="ArgumentException">The pattern is not a literal path.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="AntomSignatureVerifier"/> is registered in DI.</exception>
    public static IEndpointConventionBuilder MapAntomNotifications(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        AntomNotificationReceiverOptions options,
        Func<AntomNotification, NotificationContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        if (pattern[0] != '/' || pattern.IndexOfAny(['{', '}', '*', '?', '#']) >= 0)
        {
            throw new ArgumentException($"The notify pattern \"{pattern}\" must be a literal path that starts with '/' and has no route parameters: the signature covers the exact path Antom calls.", nameof(pattern));
        }

        // Built once, at startup: a missing verifier fails here, not on Antom's first notification, and every request
        // shares one claim store (the registered INotificationClaimStore, or one in-memory store).
        IServiceProvider services = endpoints.ServiceProvider;
        var receiver = new AntomNotificationReceiver(
            services.GetService<AntomSignatureVerifier>() ?? throw new InvalidOperationException("Register Antom's AntomSignatureVerifier in DI before mapping the notification endpoint."),
            options,
            services.GetService<INotificationClaimStore>(),
            services.GetService<ILogger<AntomNotificationReceiver>>());
        return endpoints.MapPost(pattern, async (HttpContext context) =>
        {
            HttpRequest request = context.Request;
            string? signature = request.Headers["signature"].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(signature))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized; // not worth reading the body
                return;
            }

            byte[]? body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            NotificationOutcome outcome = await receiver.ReceiveAsync(
                new NotificationRequest(
                    (request.PathBase + request.Path).ToUriComponent(),
                    request.Headers["client-id"].FirstOrDefault(),
                    request.Headers["request-time"].FirstOrDefault(),
                    signature,
                    body),
                handler,
                context.RequestAborted).ConfigureAwait(false);

            context.Response.StatusCode = outcome.Rejection switch
            {
                NotificationRejection.None => StatusCodes.Status200OK,
                NotificationRejection.BadSignature or NotificationRejection.UnexpectedClientId or NotificationRejection.Stale => StatusCodes.Status401Unauthorized,
                NotificationRejection.BadPayload => StatusCodes.Status400BadRequest,
                NotificationRejection.InProgress => StatusCodes.Status409Conflict,
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
