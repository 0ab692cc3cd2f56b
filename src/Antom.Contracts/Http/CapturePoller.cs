using System;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Http;

/// <summary>Resolves a capture whose outcome is unknown (a <c>U</c>, or <see cref="AntomOutcomeUnknownException"/>) by polling inquiryPayment.</summary>
public static class CapturePoller
{
    /// <summary>
    /// Polls inquiryPayment for <paramref name="request"/>'s payment, with jittered, saturating backoff, until the CAPTURE
    /// transaction whose request id is the capture's reaches S or F. A failed or unusable inquiry (transport, signature,
    /// an answer that breaks its contract or is for another payment) is retried: it says nothing about the capture.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> are out of range.</exception>
    /// <exception cref="AntomOutcomeUnknownException">The deadline passed with the capture still undecided; the last inquiry error is its inner exception.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the capture is as unknown as before.</exception>
    public static async Task<ResolvedCapture> ResolveAsync(AntomClient client, CaptureRequest request, PollingOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        options ??= PollingOptions.Default;
        options.Validate();
        time ??= TimeProvider.System;
        DateTimeOffset deadline = time.GetUtcNow() + options.Deadline;
        TimeSpan step = options.FirstDelay;
        Exception? last = null;
        while (true)
        {
            TimeSpan left = deadline - time.GetUtcNow();
            TimeSpan wait = PollingOptions.Jittered(step, static max => Random.Shared.NextInt64(max + 1));
            await Task.Delay(wait < left ? wait : (left > TimeSpan.Zero ? left : TimeSpan.Zero), time, cancellationToken).ConfigureAwait(false);

            try
            {
                InquiryPaymentResponse inquiry = await client.InquiryPaymentAsync(paymentId: request.PaymentId, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (Find(inquiry, request) is { } transaction)
                {
                    return new ResolvedCapture(transaction, inquiry);
                }
            }
            catch (AntomInquiryFailedException e)
            {
                last = e; // keep polling: a failed inquiry says nothing about the capture
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new AntomOutcomeUnknownException("capture", "captureRequestId", request.CaptureRequestId, request, "notifyCapture, or inquiryPayment later", NoVerifiedAnswerReason.StillUndecided, $"after {options.Deadline}", inner: last);
            }

            step = options.Next(step);
        }
    }

    private static PaymentTransaction? Find(InquiryPaymentResponse inquiry, CaptureRequest request)
    {
        if (inquiry.Result.ResultStatus != ResultStatus.Success || inquiry.Transactions is not { } transactions)
        {
            return null;
        }

        foreach (PaymentTransaction transaction in transactions)
        {
            if (transaction.TransactionType == TransactionType.Capture
                && transaction.TransactionRequestId == request.CaptureRequestId
                && transaction.TransactionResult.ResultStatus is ResultStatus.Success or ResultStatus.Failure)
            {
                return transaction;
            }
        }

        return null;
    }
}
