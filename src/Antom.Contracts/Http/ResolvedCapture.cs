namespace Antom.Contracts.Http;

/// <summary>A capture resolved by inquiryPayment: its final transaction, and the inquiry that showed it.</summary>
/// <param name="Transaction">The CAPTURE transaction whose request id is the capture's, in a final state (S or F).</param>
/// <param name="Inquiry">The whole verified inquiry answer (apply it to the ledger).</param>
public sealed record ResolvedCapture(PaymentTransaction Transaction, InquiryPaymentResponse Inquiry);
