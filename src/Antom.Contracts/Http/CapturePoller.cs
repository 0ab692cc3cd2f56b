using System;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Http;

/// <summary>How <see cref="CapturePoller"/> waits.</summary>
/// <param name="FirstDelay">The wait before the first inquiry.</param>
/// <param name="MaxDelay">The longest wait between inquiries (each wait doubles up to it).</param>
/// <param name="Deadline">How long to keep trying in all.</param>
public sealed record PollingOptions(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Deadline)
{
    /// <summary>2 s, doubling up to 1 min, for up to 30 min.</summary>
    public static PollingOptions Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
}

/// <summary>Resolves a capture whose result was <c>U</c> by polling inquiryPayment until its CAPTURE transaction is S or F.</summary>
public static class CapturePoller
{
    /// <summary>
    /// Polls inquiryPayment for <paramref name="request"/>'s payment, with backoff, until the CAPTURE transaction whose
    /// request id is the capture's reaches S or F, and returns it. Transport errors during polling are retried.
    /// </summary>
    /// <exception cref="AntomOutcomeUnknownException">The deadline passed with the capture still undecided.</exception>
    public static async Task<PaymentTransaction> ResolveAsync(AntomClient client, CaptureRequest request, PollingOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        options ??= PollingOptions.Default;
        time ??= TimeProvider.System;
        DateTimeOffset deadline = time.GetUtcNow() + options.Deadline;
        TimeSpan delay = options.FirstDelay;
        Exception? last = null;
        while (true)
        {
            TimeSpan wait = delay <= deadline - time.GetUtcNow() ? delay : deadline - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                InquiryPaymentResponse inquiry = await client.InquiryPaymentAsync(paymentId: request.PaymentId, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (inquiry.Result.ResultStatus == ResultStatus.Success && inquiry.Transactions is { } transactions)
                {
                    foreach (PaymentTransaction transaction in transactions)
                    {
                        if (transaction.TransactionType == TransactionType.Capture
                            && transaction.TransactionRequestId == request.CaptureRequestId
                            && transaction.TransactionResult.ResultStatus is ResultStatus.Success or ResultStatus.Failure)
                        {
                            return transaction;
                        }
                    }
                }
            }
            catch (AntomTransportException e)
            {
                last = e; // keep polling: the capture itself is unaffected by a failed inquiry
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new AntomOutcomeUnknownException($"capture {request.CaptureRequestId}: still undecided after {options.Deadline}; keep waiting for notifyCapture.", last);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxDelay.Ticks));
        }
    }
}
