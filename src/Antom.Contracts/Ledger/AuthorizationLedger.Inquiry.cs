using System;

namespace Antom.Contracts.Ledger;

public sealed partial class AuthorizationLedger
{
    /// <summary>
    /// Applies an inquiryPayment answer: every CAPTURE and REFUND transaction in it resolves or confirms its operation,
    /// and a CANCEL transaction or a <c>paymentStatus</c> of CANCELLED books the cancel. An inquiry whose own
    /// <c>result</c> is not S says nothing and changes nothing. INCREMENTAL transactions are not applied: that they
    /// carry updateAmount's outcome is inferred, not documented, so an update stays held until its <c>UPDATE_AMOUNT_RESULT</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The inquiry is for another payment.</exception>
    public AuthorizationLedger Apply(InquiryPaymentResponse inquiry)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        if (inquiry.Result.ResultStatus != ResultStatus.Success)
        {
            return this;
        }

        RequireThisPayment(inquiry.PaymentId, "the inquiry");
        AuthorizationLedger ledger = this;
        foreach (PaymentTransaction transaction in inquiry.Transactions ?? ValueList<PaymentTransaction>.Empty)
        {
            OperationState state = StateOf(transaction);
            if (transaction.TransactionType == TransactionType.Capture)
            {
                ledger = ledger.With(LedgerOperation.Capture, transaction.TransactionRequestId, transaction.TransactionId, transaction.TransactionAmount, state, requested: false);
            }
            else if (transaction.TransactionType == TransactionType.Refund)
            {
                ledger = ledger.With(LedgerOperation.Refund, transaction.TransactionRequestId, transaction.TransactionId, transaction.TransactionAmount, state, requested: false);
            }
            else if (transaction.TransactionType == TransactionType.Cancel || transaction.TransactionType == TransactionType.Void)
            {
                ledger = ledger.With(LedgerOperation.Cancel, PaymentId, null, Authorized, state, requested: false);
            }
        }

        return inquiry.PaymentStatus == PaymentStatus.Cancelled
            ? ledger.With(LedgerOperation.Cancel, PaymentId, null, Authorized, OperationState.Succeeded, requested: false)
            : ledger;
    }

    // A transaction is final only when its result and its status agree: an S still PROCESSING, or a result and a
    // status that contradict each other, stays held (releasing a held amount on a guess could overshoot).
    private static OperationState StateOf(PaymentTransaction transaction)
    {
        OperationState byResult = StateOf(transaction.TransactionResult.ResultStatus);
        TransactionStatus status = transaction.TransactionStatus;
        return byResult switch
        {
            OperationState.Succeeded when status == TransactionStatus.Success => OperationState.Succeeded,
            OperationState.Failed when status == TransactionStatus.Fail => OperationState.Failed,
            _ => OperationState.Pending,
        };
    }
}
