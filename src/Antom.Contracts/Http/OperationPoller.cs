using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Http;

/// <summary>
/// Resolves an operation whose outcome is unknown (a <c>U</c>, or <see cref="AntomOutcomeUnknownException"/>) by
/// polling the read-only inquiry that reports it, with jittered, saturating backoff, until the operation is final. A
/// failed or unusable inquiry (transport, signature, an answer that breaks its contract or is for another request) is
/// retried: it says nothing about the operation. Nothing is ever sent again under a new idempotency key. Apply what
/// comes back to the <see cref="Ledger.AuthorizationLedger"/>.
/// </summary>
/// <remarks>
/// updateAmount has no poller: that inquiryPayment's INCREMENTAL transactions carry its outcome is inferred, not
/// documented, so an update is resolved by its <c>UPDATE_AMOUNT_RESULT</c> notification.
/// </remarks>
public static class OperationPoller
{
    /// <summary>Polls inquiryPayment until the CAPTURE transaction whose request id is the capture's reaches S or F.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> are out of range.</exception>
    /// <exception cref="AntomOutcomeUnknownException">The deadline passed with the capture still undecided; the last inquiry error is its inner exception.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the capture is as unknown as before.</exception>
    public static Task<ResolvedCapture> ResolveCaptureAsync(AntomClient client, CaptureRequest request, PollingOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PollAsync(
            client,
            async token =>
            {
                InquiryPaymentResponse inquiry = await client.InquiryPaymentAsync(paymentId: request.PaymentId, cancellationToken: token).ConfigureAwait(false);
                return FinalTransaction(inquiry, request.CaptureRequestId, static type => type == TransactionType.Capture) is { } transaction ? new ResolvedCapture(transaction, inquiry) : null;
            },
            new Unresolved("capture", "captureRequestId", request.CaptureRequestId, request, "notifyCapture, or inquiryPayment later"),
            options,
            time,
            cancellationToken);
    }

    /// <summary>
    /// Polls inquiryRefund by <c>refundRequestId</c> until the refund's <c>refundStatus</c> is final: refunded or failed
    /// (<see cref="InquiryRefundResponse.RefundState"/>). An inquiry that worked but reports PROCESSING is polled again.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> are out of range.</exception>
    /// <exception cref="AntomOutcomeUnknownException">The deadline passed with the refund still undecided.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the refund is as unknown as before.</exception>
    public static Task<InquiryRefundResponse> ResolveRefundAsync(AntomClient client, RefundRequest request, PollingOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PollAsync(
            client,
            async token =>
            {
                InquiryRefundResponse inquiry = await client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = request.RefundRequestId }, token).ConfigureAwait(false);
                return inquiry.RefundState is RefundState.Refunded or RefundState.Failed ? inquiry : null;
            },
            new Unresolved("refund", "refundRequestId", request.RefundRequestId, request, "notifyRefund, or inquiryRefund later"),
            options,
            time,
            cancellationToken);
    }

    /// <summary>
    /// Polls inquiryPayment by <c>paymentRequestId</c> until the payment is final: <c>paymentStatus</c> SUCCESS
    /// (authorised), FAIL or CANCELLED. PROCESSING, PENDING and any other value are polled again.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> are out of range.</exception>
    /// <exception cref="AntomOutcomeUnknownException">The deadline passed with the payment still undecided.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the payment is as unknown as before.</exception>
    public static Task<InquiryPaymentResponse> ResolvePayAsync(AntomClient client, PayRequest request, PollingOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PollAsync(
            client,
            async token =>
            {
                InquiryPaymentResponse inquiry = await client.InquiryPaymentAsync(paymentRequestId: request.PaymentRequestId, cancellationToken: token).ConfigureAwait(false);
                return inquiry.Result.ResultStatus == ResultStatus.Success
                       && (inquiry.PaymentStatus == PaymentStatus.Success || inquiry.PaymentStatus == PaymentStatus.Fail || inquiry.PaymentStatus == PaymentStatus.Cancelled)
                    ? inquiry
                    : null;
            },
            new Unresolved("pay", "paymentRequestId", request.PaymentRequestId, request, "notifyPayment, or inquiryPayment later"),
            options,
            time,
            cancellationToken);
    }

    /// <summary>
    /// Polls inquiryPayment for the cancelled payment until the cancel is final: <c>paymentStatus</c> CANCELLED, or a
    /// CANCEL (or VOID) transaction that reached S or F.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> are out of range.</exception>
    /// <exception cref="AntomOutcomeUnknownException">The deadline passed with the cancel still undecided.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the cancel is as unknown as before.</exception>
    public static Task<InquiryPaymentResponse> ResolveCancelAsync(AntomClient client, CancelRequest request, PollingOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PollAsync(
            client,
            async token =>
            {
                InquiryPaymentResponse inquiry = await client.InquiryPaymentAsync(request.PaymentId, request.PaymentId is null ? request.PaymentRequestId : null, token).ConfigureAwait(false);
                bool cancelled = inquiry.Result.ResultStatus == ResultStatus.Success && inquiry.PaymentStatus == PaymentStatus.Cancelled;
                return cancelled || FinalTransaction(inquiry, null, static type => type == TransactionType.Cancel || type == TransactionType.Void) is not null ? inquiry : null;
            },
            new Unresolved("cancel", request.PaymentId is null ? "paymentRequestId" : "paymentId", request.PaymentId ?? request.PaymentRequestId ?? string.Empty, request, "inquiryPayment later, or the same cancel again"),
            options,
            time,
            cancellationToken);
    }

    // The one polling loop: wait (jittered, never past the deadline), probe, and either return what is final or keep going.
    private static async Task<T> PollAsync<T>(AntomClient client, Func<CancellationToken, Task<T?>> probe, Unresolved unresolved, PollingOptions? options, TimeProvider? time, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= PollingOptions.Default;
        options.Validate();
        time ??= TimeProvider.System;
        DateTimeOffset deadline = time.GetUtcNow() + options.Deadline;
        TimeSpan step = options.FirstDelay;
        Exception? last = null;
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            TimeSpan left = deadline - time.GetUtcNow();
            TimeSpan wait = PollingOptions.Jittered(step, static max => Random.Shared.NextInt64(max + 1));
            await Task.Delay(wait < left ? wait : (left > TimeSpan.Zero ? left : TimeSpan.Zero), time, cancellationToken).ConfigureAwait(false);

            try
            {
                if (await probe(cancellationToken).ConfigureAwait(false) is { } final)
                {
                    CallTelemetry.Resolved(client.Logger, unresolved.Api, unresolved.Key, started);
                    return final;
                }
            }
            catch (Exception e) when (e is AntomInquiryFailedException or AntomRequestNotSentException)
            {
                last = e; // keep polling: a failed or unsent inquiry says nothing about the operation
            }

            if (time.GetUtcNow() >= deadline)
            {
                CallTelemetry.StillUndecided(client.Logger, unresolved.Api, unresolved.Key, options.Deadline);
                throw new AntomOutcomeUnknownException(unresolved.Api, unresolved.KeyName, unresolved.Key, unresolved.Request, unresolved.ResolveWith, NoVerifiedAnswerReason.StillUndecided, $"after {options.Deadline}", inner: last);
            }

            step = options.Next(step);
        }
    }

    // The transaction of the kind asked for (and with this request id, when one is given) that reached S or F.
    private static PaymentTransaction? FinalTransaction(InquiryPaymentResponse inquiry, string? requestId, Func<TransactionType, bool> kind)
    {
        if (inquiry.Result.ResultStatus != ResultStatus.Success || inquiry.Transactions is not { } transactions)
        {
            return null;
        }

        foreach (PaymentTransaction transaction in transactions)
        {
            if (kind(transaction.TransactionType)
                && (requestId is null || transaction.TransactionRequestId == requestId)
                && transaction.TransactionResult.ResultStatus is ResultStatus.Success or ResultStatus.Failure)
            {
                return transaction;
            }
        }

        return null;
    }

    private sealed record Unresolved(string Api, string KeyName, string Key, object Request, string ResolveWith);
}
