namespace Antom.Contracts.Simulator;

/// <summary>A payment as the simulator (that is, "Antom") sees it now.</summary>
/// <param name="PaymentId">The simulator's payment id.</param>
/// <param name="PaymentRequestId">The merchant's pay request id (the payment id for a seeded payment, unless one was given).</param>
/// <param name="Status">What inquiryPayment says: <c>SUCCESS</c> (authorised), <c>PROCESSING</c>, <c>FAIL</c> or <c>CANCELLED</c>.</param>
/// <param name="Authorized">The authorised amount as last successfully updated; captures are bounded by it.</param>
/// <param name="Captured">The sum of the successful captures.</param>
/// <param name="Refunded">The sum of the successful refunds.</param>
public sealed record SimulatedPayment(string PaymentId, string PaymentRequestId, PaymentStatus Status, Money Authorized, Money Captured, Money Refunded);
