namespace Antom.Contracts.Simulator;

/// <summary>The state-changing operations the simulator answers, each of which can be scripted (<see cref="OperationScript"/>).</summary>
public enum SimulatedOperation
{
    /// <summary><c>pay</c>: a card authorisation with manual capture (notified by notifyPayment <c>PAYMENT_RESULT</c>).</summary>
    Pay = 1,

    /// <summary><c>capture</c> (notified by notifyCapture).</summary>
    Capture,

    /// <summary><c>cancel</c>: the void of an authorisation not captured (no notification).</summary>
    Cancel,

    /// <summary><c>refund</c> of captured money (notified by notifyRefund).</summary>
    Refund,

    /// <summary><c>updateAmount</c>: an incremental authorisation (notified by notifyPayment <c>UPDATE_AMOUNT_RESULT</c>).</summary>
    UpdateAmount,
}
