using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

/// <summary>
/// ANTOM1001 on the lifecycle contracts: every resultStatus of the new answers, and the outcomes that say what a
/// payment notification or a refund means (a PAYMENT_PENDING carries S; an inquiryRefund's S says nothing of the refund).
/// </summary>
public class LifecycleSwitchTests
{
    private static string In(string body, string parameters) => Usings + $$"""
        public static class C
        {
            public static int M({{parameters}})
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("PayResponse r")]
    [InlineData("CancelResponse r")]
    [InlineData("RefundResponse r")]
    [InlineData("UpdateAmountResponse r")]
    [InlineData("InquiryRefundResponse r")]
    [InlineData("PaymentResultNotification r")]
    [InlineData("RefundResultNotification r")]
    public Task A_status_switch_on_a_lifecycle_answer_that_drops_U_is_reported(string parameters)
        => Analyze<UnhandledResultStatusAnalyzer>(In("return r.Result.ResultStatus [|switch|] { ResultStatus.Success => 1, ResultStatus.Failure => 2, _ => 0 };", parameters));

    [Fact]
    public Task A_payment_outcome_switch_that_treats_pending_as_the_rest_is_reported_naming_it()
        => Analyze<UnhandledResultStatusAnalyzer>(
            In("return n.Outcome {|#0:switch|} { PaymentOutcome.Authorised => 1, PaymentOutcome.Failed => 2, PaymentOutcome.AmountUpdated => 3, PaymentOutcome.AmountUpdateFailed => 4, PaymentOutcome.NotInterpreted => 5, _ => 0 };", "PaymentResultNotification n"),
            new DiagnosticResult("ANTOM1001", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
                "paymentOutcome PAYMENT_PENDING, or U (Pending) is not handled: not decided yet: wait for the final notification or call inquiryPayment, and never pay again under a new paymentRequestId"));

    [Fact]
    public Task A_payment_outcome_switch_naming_every_member_is_silent()
        => Analyze<UnhandledResultStatusAnalyzer>(In(
            "return n.Outcome switch { PaymentOutcome.Authorised => 1, PaymentOutcome.Failed => 2, PaymentOutcome.Pending => 3, PaymentOutcome.AmountUpdated => 4, PaymentOutcome.AmountUpdateFailed => 5, PaymentOutcome.NotInterpreted => 6 };",
            "PaymentResultNotification n"));

    [Fact]
    public Task A_refund_state_switch_that_drops_processing_and_not_known_is_reported()
        => Analyze<UnhandledResultStatusAnalyzer>(In("[|switch|] (i.RefundState) { case RefundState.Refunded: return 1; case RefundState.Failed: return 2; default: return 0; }", "InquiryRefundResponse i"));

    [Fact]
    public Task A_refund_state_switch_naming_every_member_is_silent()
        => Analyze<UnhandledResultStatusAnalyzer>(In(
            "return n.State switch { RefundState.Refunded => 1, RefundState.Failed => 2, RefundState.Processing => 3, RefundState.NotKnown => 4 };",
            "RefundResultNotification n"));

    [Fact]
    public Task A_ledger_state_switch_that_treats_pending_as_failed_is_reported_naming_it()
        => Analyze<UnhandledResultStatusAnalyzer>(
            "using Antom.Contracts.Ledger;\n" + In("return e.State {|#0:switch|} { OperationState.Reserved => 1, OperationState.Succeeded => 2, _ => 0 };", "LedgerEntry e"),
            new DiagnosticResult("ANTOM1001", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
                "operationState Pending is not handled: undecided (U, or an accepted updateAmount): it stays held until its notification or an inquiry says S or F; "
                + "operationState Failed is not handled: failed: nothing changed and what it held is released"));

    [Fact]
    public Task A_ledger_state_switch_naming_every_member_is_silent()
        => Analyze<UnhandledResultStatusAnalyzer>(
            "using Antom.Contracts.Ledger;\n" + In("return e.State switch { OperationState.Reserved => 1, OperationState.Pending => 2, OperationState.Succeeded => 3, OperationState.Failed => 4 };", "LedgerEntry e"));
}
