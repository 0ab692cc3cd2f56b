namespace Antom.Contracts.Simulator;

/// <summary>A refund as the simulator (that is, "Antom") records it.</summary>
/// <param name="RefundRequestId">The merchant's request id.</param>
/// <param name="RefundId">The simulator's refund id.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Status">S (refunded), F, or U while in process.</param>
/// <param name="ResultCode">Why: <c>SUCCESS</c>, <c>REFUND_IN_PROCESS</c>, or the failure's code.</param>
public sealed record SimulatedRefund(string RefundRequestId, string RefundId, Money Amount, ResultStatus Status, ResultCode ResultCode);
