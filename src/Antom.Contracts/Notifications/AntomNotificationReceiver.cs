using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Signatures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antom.Contracts.Notifications;

/// <summary>
/// Receives Antom notifications without any web framework: check the client id and the signature over the path Antom
/// called, parse, <b>claim</b> the result atomically, hand the typed notification to the caller's handler, and only
/// after the handler has succeeded complete the claim and return the exact acknowledgement bytes. Without an
/// acknowledgement Antom re-sends (up to 8 times over about 24 h), so nothing is lost when anything fails.
/// </summary>
public sealed partial class AntomNotificationReceiver
{
    private static readonly byte[] AcknowledgementBytes = AntomJson.SerializeToUtf8Bytes(NotificationAcknowledgement.Received);

    private readonly AntomSignatureVerifier _verifier;
    private readonly AntomNotificationReceiverOptions _options;
    private readonly INotificationClaimStore _claims;
    private readonly ILogger _logger;

    /// <summary>Creates a receiver.</summary>
    /// <param name="verifier">Verifies with Antom's public key.</param>
    /// <param name="options">The accepted client ids and the other settings.</param>
    /// <param name="claims">The claim store; one in-memory store when null (one process only).</param>
    /// <param name="logger">Where rejections are logged (rule, notifyType, ids; never keys, signatures or bodies).</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public AntomNotificationReceiver(AntomSignatureVerifier verifier, AntomNotificationReceiverOptions options, INotificationClaimStore? claims = null, ILogger<AntomNotificationReceiver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _verifier = verifier;
        _options = options;
        _claims = claims ?? new InMemoryNotificationClaimStore(options.Time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The exact acknowledgement Antom expects: <c>{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}</c>.</summary>
    public static ReadOnlyMemory<byte> Acknowledgement => AcknowledgementBytes;

    /// <summary>Checks, parses, claims, hands to <paramref name="handler"/>, and acknowledges only after it succeeded.</summary>
    /// <param name="request">The delivery as received.</param>
    /// <param name="handler">The caller's handler. It runs once per final result as a first delivery; a re-delivery of a result already handled has <see cref="NotificationContext.IsRedelivery"/> set.</param>
    /// <param name="cancellationToken">Cancels the handling (the claim is released, nothing is acknowledged).</param>
    public async Task<NotificationOutcome> ReceiveAsync(
        NotificationRequest request,
        Func<AntomNotification, NotificationContext, CancellationToken, Task> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        Activity? activity = NotificationTelemetry.Start();
        NotificationOutcome? outcome = null;
        try
        {
            outcome = await ReceiveCoreAsync(request, handler, activity, cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            NotificationTelemetry.Done(activity, outcome);
        }
    }

    private async Task<NotificationOutcome> ReceiveCoreAsync(
        NotificationRequest request,
        Func<AntomNotification, NotificationContext, CancellationToken, Task> handler,
        Activity? activity,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Signature)
            || !_verifier.Verify("POST", request.Path, request.ClientId ?? string.Empty, request.RequestTime ?? string.Empty, request.Signature, request.Body.Span))
        {
            LogBadSignature(_logger, request.Path, request.ClientId);
            return NotificationOutcome.Rejected(NotificationRejection.BadSignature);
        }

        string clientId = request.ClientId!;
        if (!_options.ClientIds.Contains(clientId, StringComparer.Ordinal))
        {
            LogUnexpectedClientId(_logger, clientId);
            return NotificationOutcome.Rejected(NotificationRejection.UnexpectedClientId);
        }

        if (_options.MaxRequestAge is { } maxAge && !RequestTime.IsWithin(request.RequestTime, maxAge, _options.Time.GetUtcNow()))
        {
            LogStale(_logger, clientId, request.RequestTime, maxAge);
            return NotificationOutcome.Rejected(NotificationRejection.Stale);
        }

        AntomNotification notification;
        try
        {
            notification = AntomNotifications.Parse(request.Body.Span);
        }
        catch (AntomPayloadException error)
        {
            string? notifyType = AntomNotifications.TryReadNotifyType(request.Body.Span);
            LogBadPayload(_logger, clientId, notifyType, error.Path, error.Rule);
            await ReportRejectedAsync(new RejectedNotification(notifyType, clientId, request.Body.ToArray(), error), cancellationToken).ConfigureAwait(false);
            return NotificationOutcome.Rejected(NotificationRejection.BadPayload, error);
        }

        string key = KeyOf(clientId, notification, request.Body.Span);
        NotificationClaim claim = await _claims.ClaimAsync(key, _options.ClaimLease, cancellationToken).ConfigureAwait(false);
        if (claim.Status == ClaimStatus.HeldByAnother)
        {
            LogInProgress(_logger, key);
            return NotificationOutcome.Rejected(NotificationRejection.InProgress);
        }

        bool redelivery = claim.Status == ClaimStatus.AlreadyCompleted;
        try
        {
            await handler(notification, new NotificationContext(redelivery, key), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            if (!redelivery)
            {
                await ReleaseAsync(claim).ConfigureAwait(false);
            }

            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogHandlerFailed(_logger, key, error);
            return NotificationOutcome.Rejected(NotificationRejection.HandlerFailed, error);
        }

        if (!redelivery)
        {
            try
            {
                await _claims.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The handler has succeeded, so the acknowledgement still goes out (rule: acknowledge after the handler
                // succeeded); the claim stays held until its lease runs out, and the failure is logged loudly.
                LogCompleteFailed(_logger, key, error);
            }
        }

        NotificationTelemetry.Accepted(activity, notification.NotifyType, redelivery);
        return NotificationOutcome.Acknowledged(AcknowledgementBytes);
    }

    // A release that fails must not hide the handler's own error: it is logged, and the claim frees itself at its lease.
    private async Task ReleaseAsync(NotificationClaim claim)
    {
        try
        {
            await _claims.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogReleaseFailed(_logger, claim.Key, error);
        }
    }

    // The result is part of the key, so a U never shadows the later S or F of the same operation, and so is the amount,
    // so an S for another amount is a new result (which the ledger reports), never a re-delivery. For a payment the
    // notifyType is part of it too (a PAYMENT_PENDING S never hides the PAYMENT_RESULT S that follows), and the
    // updateRequestId (each incremental authorisation is its own result); for a refund the refundStatus is (a
    // PROCESSING never hides the SUCCESS). Parts are escaped, so no two different notifications share a key.
    private static string KeyOf(string clientId, AntomNotification notification, ReadOnlySpan<byte> body) => notification switch
    {
        CaptureResultReceived { Notification: var n } => Key(clientId, AntomNotifications.CaptureResult, n.PaymentId, n.CaptureRequestId, n.CaptureId, Status(n.Result), n.CaptureAmount.Currency.Code, Minor(n.CaptureAmount)),
        PaymentResultReceived { Notification: var n } => Key(clientId, n.NotifyType.Value, n.PaymentId, n.PaymentRequestId, n.UpdateRequestId ?? string.Empty, Status(n.Result), n.PaymentAmount.Currency.Code, Minor(n.PaymentAmount)),
        RefundResultReceived { Notification: var n } => Key(clientId, AntomNotifications.RefundResult, n.RefundRequestId, n.RefundId, n.RefundStatus.Value, Status(n.Result), n.RefundAmount.Currency.Code, Minor(n.RefundAmount)),
        _ => Key(clientId, notification.NotifyType, Convert.ToHexString(SHA256.HashData(body))),
    };

    private static string Status(AntomResult result) => ResultStatusJsonConverter.Table.ToWireValue(result.ResultStatus);

    private static string Minor(Money amount) => amount.MinorUnits.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Key(params string[] parts) => string.Join("|", Array.ConvertAll(parts, Uri.EscapeDataString));

    private async Task ReportRejectedAsync(RejectedNotification rejected, CancellationToken cancellationToken)
    {
        if (_options.OnRejected is not { } hook)
        {
            return;
        }

        try
        {
            await hook(rejected, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogOnRejectedFailed(_logger, rejected.NotifyType, error);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Antom notification rejected (BadSignature): the signature over {Path} is missing or does not verify; client-id {ClientId}")]
    private static partial void LogBadSignature(ILogger logger, string path, string? clientId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Antom notification rejected (UnexpectedClientId): client-id {ClientId} is not configured")]
    private static partial void LogUnexpectedClientId(ILogger logger, string clientId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Antom notification rejected (Stale): request-time {RequestTime} from client-id {ClientId} is unreadable or further than {MaxAge} from now")]
    private static partial void LogStale(ILogger logger, string clientId, string? requestTime, TimeSpan maxAge);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Antom notification rejected (BadPayload): a correctly signed {NotifyType} from client-id {ClientId} breaks its contract at {JsonPath} ({Rule}); Antom will re-send it, then give up: reconcile it")]
    private static partial void LogBadPayload(ILogger logger, string clientId, string? notifyType, string? jsonPath, PayloadRule rule);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Antom notification not acknowledged (InProgress): {Key} is being handled by another delivery; Antom will re-send")]
    private static partial void LogInProgress(ILogger logger, string key);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Antom notification not acknowledged (HandlerFailed): the handler of {Key} threw; the claim is released and Antom will re-send")]
    private static partial void LogHandlerFailed(ILogger logger, string key, Exception error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "The claim store failed to complete {Key} after the handler succeeded; acknowledged anyway, and the claim frees itself at its lease")]
    private static partial void LogCompleteFailed(ILogger logger, string key, Exception error);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "The claim store failed to release {Key} after the handler failed; the claim frees itself at its lease")]
    private static partial void LogReleaseFailed(ILogger logger, string key, Exception error);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "The OnRejected hook threw for a {NotifyType} notification; the notification is still refused")]
    private static partial void LogOnRejectedFailed(ILogger logger, string? notifyType, Exception error);
}
