namespace Antom.Contracts;

/// <summary>The one place where the wire values of the lifecycle notifications and inquiries become outcomes.</summary>
internal static class Outcomes
{
    public static PaymentOutcome Of(PaymentNotifyType notifyType, ResultStatus status)
    {
        if (notifyType == PaymentNotifyType.PaymentPending)
        {
            return PaymentOutcome.Pending; // its S means "the buyer has finished; wait for the result"
        }

        if (notifyType == PaymentNotifyType.PaymentResult)
        {
            return status switch
            {
                ResultStatus.Success => PaymentOutcome.Authorised,
                ResultStatus.Failure => PaymentOutcome.Failed,
                ResultStatus.Unknown => PaymentOutcome.Pending,
                _ => PaymentOutcome.NotInterpreted,
            };
        }

        if (notifyType == PaymentNotifyType.UpdateAmountResult)
        {
            return status switch
            {
                ResultStatus.Success => PaymentOutcome.AmountUpdated,
                ResultStatus.Failure => PaymentOutcome.AmountUpdateFailed,
                ResultStatus.Unknown => PaymentOutcome.Pending,
                _ => PaymentOutcome.NotInterpreted,
            };
        }

        return PaymentOutcome.NotInterpreted;
    }

    // Only SUCCESS is refunded and only FAIL is failed; every other value, known or new, is not final.
    public static RefundState Of(RefundStatus status)
        => status == RefundStatus.Success ? RefundState.Refunded
            : status == RefundStatus.Fail ? RefundState.Failed
            : RefundState.Processing;
}
