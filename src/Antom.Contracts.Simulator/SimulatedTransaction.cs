using System;

namespace Antom.Contracts.Simulator;

/// <summary>
/// One operation on a payment as the simulator records it (the pay's authorisation, a capture, a refund, an increment,
/// the cancel). Mutable, and read and changed only under its payment's lock.
/// </summary>
internal sealed class SimulatedTransaction(SimulatedOperation kind, string requestId, string id, Money amount, DateTimeOffset time)
{
    public SimulatedOperation Kind { get; } = kind;

    /// <summary>The merchant's id: paymentRequestId, captureRequestId, refundRequestId, updateRequestId; a cancel's is the id it named.</summary>
    public string RequestId { get; } = requestId;

    /// <summary>The simulator's id: paymentId, captureId, refundId, or one of its own for an increment or a cancel.</summary>
    public string Id { get; } = id;

    public Money Amount { get; } = amount;

    public ResultStatus Status { get; set; }

    public ResultCode Code { get; set; }

    public DateTimeOffset Time { get; set; } = time;

    public bool Holds => Status != ResultStatus.Failure;

    public TransactionType Type => Kind switch
    {
        SimulatedOperation.Pay => TransactionType.Authorization,
        SimulatedOperation.Capture => TransactionType.Capture,
        SimulatedOperation.Cancel => TransactionType.Cancel,
        SimulatedOperation.Refund => TransactionType.Refund,
        _ => TransactionType.Incremental,
    };

    public TransactionStatus TransactionStatus => Status switch
    {
        ResultStatus.Success => TransactionStatus.Success,
        ResultStatus.Failure => TransactionStatus.Fail,
        _ => TransactionStatus.Processing,
    };

    public AntomResult Result => new() { ResultCode = Code, ResultStatus = Status, ResultMessage = Status == ResultStatus.Success ? "success" : Code.Value };
}
