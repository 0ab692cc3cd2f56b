using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Signatures;

namespace Antom.Contracts.Notifications;

/// <summary>Remembers which notifications a handler has already handled, to tell a re-send from a first delivery.</summary>
public interface INotificationStore
{
    /// <summary>Whether the notification with this key was handled successfully before.</summary>
    ValueTask<bool> WasHandledAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records that the notification with this key was handled successfully.</summary>
    ValueTask MarkHandledAsync(string key, CancellationToken cancellationToken);
}

/// <summary>An in-process <see cref="INotificationStore"/>; use a shared store when several instances receive notifications.</summary>
public sealed class InMemoryNotificationStore : INotificationStore
{
    private readonly ConcurrentDictionary<string, bool> _handled = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<bool> WasHandledAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(_handled.ContainsKey(key));

    /// <inheritdoc/>
    public ValueTask MarkHandledAsync(string key, CancellationToken cancellationToken)
    {
        _handled[key] = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>What the handler is told besides the notification.</summary>
/// <param name="IsRedelivery">The same notification (same <c>captureId</c>) was handled successfully before: Antom re-sent it.</param>
/// <param name="Key">The deduplication key (<c>CAPTURE_RESULT:&lt;captureId&gt;</c>, or the type and a hash of the body).</param>
public sealed record NotificationContext(bool IsRedelivery, string Key);

/// <summary>Why no acknowledgement was returned.</summary>
public enum NotificationRejection
{
    /// <summary>Acknowledged.</summary>
    None = 0,

    /// <summary>The signature is missing, malformed or wrong: the body was not even read.</summary>
    BadSignature,

    /// <summary>The body breaks its contract; <see cref="NotificationOutcome.Error"/> is the <see cref="AntomPayloadException"/>.</summary>
    BadPayload,

    /// <summary>The handler threw; <see cref="NotificationOutcome.Error"/> is its exception. Antom will re-send.</summary>
    HandlerFailed,
}

/// <summary>The result of receiving one notification.</summary>
public sealed class NotificationOutcome
{
    private NotificationOutcome(NotificationRejection rejection, ReadOnlyMemory<byte> acknowledgement, Exception? error)
    {
        Rejection = rejection;
        Acknowledgement = acknowledgement;
        Error = error;
    }

    /// <summary>Whether the acknowledgement should be sent.</summary>
    public bool IsAcknowledged => Rejection == NotificationRejection.None;

    /// <summary>Why not, when not.</summary>
    public NotificationRejection Rejection { get; }

    /// <summary>The exact acknowledgement bytes to answer with (HTTP 200); empty when not acknowledged.</summary>
    public ReadOnlyMemory<byte> Acknowledgement { get; }

    /// <summary>The payload error or the handler's exception, when there was one.</summary>
    public Exception? Error { get; }

    internal static NotificationOutcome Acknowledged(ReadOnlyMemory<byte> acknowledgement) => new(NotificationRejection.None, acknowledgement, null);

    internal static NotificationOutcome Rejected(NotificationRejection rejection, Exception? error) => new(rejection, ReadOnlyMemory<byte>.Empty, error);
}

/// <summary>
/// Receives Antom notifications without any web framework: verify the signature, parse, hand the typed notification
/// to the caller's handler, and only after the handler has succeeded return the exact acknowledgement bytes. Without
/// an acknowledgement Antom re-sends (up to 8 times over about 24 h), so nothing is lost when anything fails.
/// </summary>
public sealed class AntomNotificationReceiver
{
    private static readonly byte[] AcknowledgementBytes = AntomJson.SerializeToUtf8Bytes(NotificationAcknowledgement.Received);

    private readonly AntomSignatureVerifier _verifier;
    private readonly string _notifyPath;
    private readonly INotificationStore _store;

    /// <summary>Creates a receiver for notifications posted to <paramref name="notifyPath"/> (the path only, e.g. <c>/antom/notify</c>).</summary>
    public AntomNotificationReceiver(AntomSignatureVerifier verifier, string notifyPath, INotificationStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentException.ThrowIfNullOrEmpty(notifyPath);
        _verifier = verifier;
        _notifyPath = notifyPath;
        _store = store ?? new InMemoryNotificationStore();
    }

    /// <summary>The exact acknowledgement Antom expects: <c>{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}</c>.</summary>
    public static ReadOnlyMemory<byte> Acknowledgement => AcknowledgementBytes;

    /// <summary>Verifies, parses, hands to <paramref name="handler"/>, and acknowledges only after it succeeded.</summary>
    /// <param name="clientId">The <c>client-id</c> header.</param>
    /// <param name="requestTime">The <c>request-time</c> header.</param>
    /// <param name="signatureHeader">The <c>signature</c> header.</param>
    /// <param name="body">The raw body bytes, exactly as received (the signature covers them).</param>
    /// <param name="handler">The caller's handler; it should be idempotent, and is told when a notification is a re-send.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<NotificationOutcome> ReceiveAsync(
        string clientId,
        string requestTime,
        string signatureHeader,
        ReadOnlyMemory<byte> body,
        Func<AntomNotification, NotificationContext, CancellationToken, Task> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!_verifier.Verify("POST", _notifyPath, clientId, requestTime, signatureHeader, body.Span))
        {
            return NotificationOutcome.Rejected(NotificationRejection.BadSignature, null);
        }

        AntomNotification notification;
        try
        {
            notification = AntomNotifications.Parse(body.Span);
        }
        catch (AntomPayloadException error)
        {
            return NotificationOutcome.Rejected(NotificationRejection.BadPayload, error);
        }

        string key = notification is CaptureResultReceived capture
            ? AntomNotifications.CaptureResult + ":" + capture.Notification.CaptureId
            : notification.NotifyType + ":" + Convert.ToHexString(SHA256.HashData(body.Span));
        bool redelivery = await _store.WasHandledAsync(key, cancellationToken).ConfigureAwait(false);
        try
        {
            await handler(notification, new NotificationContext(redelivery, key), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return NotificationOutcome.Rejected(NotificationRejection.HandlerFailed, error);
        }

        await _store.MarkHandledAsync(key, cancellationToken).ConfigureAwait(false);
        return NotificationOutcome.Acknowledged(AcknowledgementBytes);
    }
}
