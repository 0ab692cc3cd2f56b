using System;
using Antom.Contracts.Ledger;

namespace Antom.Contracts.Tests;

/// <summary>Requests, answers and notifications for ledger tests: an authorisation of BRL 100.00 for pay-1, and Antom's answers echoing what was sent.</summary>
internal static class LedgerFixture
{
    public static readonly DateTimeOffset AuthorizedAt = new(2026, 9, 1, 7, 0, 0, TimeSpan.FromHours(-7));
    public static readonly DateTimeOffset Now = AuthorizedAt.AddHours(1);
    public static readonly Money Authorized = Money.FromMinorUnits(10_000, "BRL");

    public static AuthorizationTerms Terms => new("pay-1", Authorized, AuthorizedAt) { PaymentRequestId = "order-1", AllowsMultipleCaptures = true, IncrementalAuthorizationAvailable = true };

    public static AuthorizationLedger Open(AuthorizationTerms? terms = null) => AuthorizationLedger.Open(terms ?? Terms);

    public static Money Brl(long minor) => Money.FromMinorUnits(minor, "BRL");

    public static AntomResult Result(ResultStatus status) => new()
    {
        ResultCode = status switch { ResultStatus.Success => ResultCode.Success, ResultStatus.Failure => ResultCode.ProcessFail, _ => ResultCode.UnknownException },
        ResultStatus = status,
    };

    public static CaptureRequest Capture(long minor, string id = "cap-1") => new() { CaptureRequestId = id, PaymentId = "pay-1", CaptureAmount = Brl(minor) };

    public static RefundRequest Refund(long minor, string id = "ref-1", string currency = "BRL") => new() { RefundRequestId = id, PaymentId = "pay-1", RefundAmount = Money.FromMinorUnits(minor, currency) };

    public static CancelRequest Cancel(string? paymentId = "pay-1", string? paymentRequestId = null) => new() { PaymentId = paymentId, PaymentRequestId = paymentRequestId };

    public static UpdateAmountRequest Update(long minor, string id = "upd-1") => new() { UpdateRequestId = id, PaymentId = "pay-1", Amount = Brl(minor) };

    public static CaptureResponse Answer(CaptureRequest to, ResultStatus status) => new()
    {
        Result = Result(status), CaptureRequestId = to.CaptureRequestId, PaymentId = to.PaymentId, CaptureAmount = to.CaptureAmount, CaptureId = "id-" + to.CaptureRequestId,
    };

    public static RefundResponse Answer(RefundRequest to, ResultStatus status) => new()
    {
        Result = Result(status), RefundRequestId = to.RefundRequestId, PaymentId = to.PaymentId, RefundAmount = to.RefundAmount, RefundId = "id-" + to.RefundRequestId,
    };

    public static CancelResponse Answer(CancelRequest to, ResultStatus status) => new() { Result = Result(status), PaymentId = to.PaymentId, PaymentRequestId = to.PaymentRequestId };

    public static UpdateAmountResponse Answer(UpdateAmountRequest to, ResultStatus status) => new()
    {
        Result = Result(status), UpdateRequestId = to.UpdateRequestId, PaymentId = to.PaymentId, Amount = to.Amount,
    };

    public static CaptureResultNotification Notified(CaptureRequest of, ResultStatus status) => new()
    {
        Result = Result(status), CaptureRequestId = of.CaptureRequestId, PaymentId = of.PaymentId, CaptureId = "id-" + of.CaptureRequestId, CaptureAmount = of.CaptureAmount,
    };

    public static RefundResultNotification Notified(RefundRequest of, RefundStatus refundStatus, ResultStatus status = ResultStatus.Success) => new()
    {
        Result = Result(status), RefundStatus = refundStatus, RefundRequestId = of.RefundRequestId, RefundId = "id-" + of.RefundRequestId, RefundAmount = of.RefundAmount,
    };

    public static PaymentResultNotification Notified(UpdateAmountRequest of, ResultStatus status) => new()
    {
        NotifyType = PaymentNotifyType.UpdateAmountResult, Result = Result(status), PaymentRequestId = "order-1", PaymentId = of.PaymentId,
        PaymentAmount = of.Amount, PaymentCreateTime = AuthorizedAt, UpdateRequestId = of.UpdateRequestId,
    };

    public static AuthorizationLedger Captured(this AuthorizationLedger ledger, long minor, string id = "cap-1")
    {
        CaptureRequest request = Capture(minor, id);
        return ledger.Reserve(request, Now).Record(request, Answer(request, ResultStatus.Success));
    }

    public static AuthorizationLedger Refunded(this AuthorizationLedger ledger, long minor, string id, ResultStatus status)
    {
        RefundRequest request = Refund(minor, id);
        return ledger.Reserve(request, Now).Record(request, Answer(request, status));
    }

    public static AuthorizationLedger Cancelled(this AuthorizationLedger ledger, ResultStatus status)
        => ledger.Reserve(Cancel(), Now).Record(Cancel(), Answer(Cancel(), status));

    public static InquiryPaymentResponse Inquiry(PaymentStatus? status, params PaymentTransaction[] transactions) => new()
    {
        Result = Result(ResultStatus.Success), PaymentId = "pay-1", PaymentStatus = status, Transactions = ValueList.From(transactions),
    };
}
