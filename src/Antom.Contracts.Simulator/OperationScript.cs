using System;

namespace Antom.Contracts.Simulator;

/// <summary>
/// What the next new request of one <see cref="SimulatedOperation"/> does: a normal answer, a scripted result, or a
/// fault (the fault matrix of docs/reliability.md). Given to <see cref="AntomSimulator.Script(SimulatedOperation, OperationScript)"/>;
/// scripts of one operation apply in order, one new request each, and only to a request that passed Antom's rules.
/// </summary>
/// <remarks>
/// "Apply" means the simulator records the operation exactly as it would without the script (a pay authorises, a
/// capture captures, a cancel cancels, a refund refunds, an updateAmount takes effect); only the answer or the
/// notifications differ. Cancel has no notification, so the notification scripts do not apply to it.
/// </remarks>
public abstract record OperationScript
{
    private OperationScript()
    {
    }

    /// <summary>
    /// Answer U first (<c>PAYMENT_IN_PROCESS</c> with a 3DS <c>normalUrl</c> for a pay, <c>CAPTURE_IN_PROCESS</c>,
    /// <c>REFUND_IN_PROCESS</c>, <c>UNKNOWN_EXCEPTION</c> for cancel and updateAmount); the operation succeeds after
    /// <see cref="AntomSimulatorOptions.UnknownResolvesAfter"/> and is notified.
    /// </summary>
    public static OperationScript AnswerUnknownFirst { get; } = new UnknownFirst(NotifyUnknown: false, OutOfOrder: false, FinalCode: null);

    /// <summary>Answer U first; the operation then fails with <paramref name="resultCode"/>, and that is notified.</summary>
    public static OperationScript AnswerUnknownThenFail(ResultCode resultCode) => new UnknownFirst(NotifyUnknown: false, OutOfOrder: false, FinalCode: resultCode);

    /// <summary>Fail with <paramref name="resultCode"/> (recorded: a retry under the same request id answers it again).</summary>
    public static OperationScript FailWith(ResultCode resultCode) => new Fail(resultCode);

    /// <summary>Apply the operation, then wait <paramref name="delay"/> before answering (past a client's timeout, say).</summary>
    public static OperationScript Delay(TimeSpan delay) => new Wait(delay);

    /// <summary>Apply the operation, then answer HTTP <paramref name="statusCode"/> (502, 503, 504, ...) with an unsigned gateway page.</summary>
    public static OperationScript ApplyThenAnswerStatus(int statusCode) => new Status(statusCode);

    /// <summary>Apply the operation, then drop the connection without answering.</summary>
    public static OperationScript ApplyThenDropConnection { get; } = new Drop();

    /// <summary>Apply the operation, then answer with a correctly signed answer whose ids belong to another request.</summary>
    public static OperationScript AnswerForAnotherRequest { get; } = new Another();

    /// <summary>Apply the operation and deliver its notification before the HTTP answer goes out.</summary>
    public static OperationScript NotifyBeforeAnswer { get; } = new NotifyFirst();

    /// <summary>Apply the operation and deliver its notification twice at the same moment (two concurrent deliveries).</summary>
    public static OperationScript NotifyTwiceAtOnce { get; } = new NotifyTwice();

    /// <summary>Answer U, notify U at once, then notify the S when the operation resolves.</summary>
    public static OperationScript NotifyUnknownThenSuccess { get; } = new UnknownFirst(NotifyUnknown: true, OutOfOrder: false, FinalCode: null);

    /// <summary>Answer U; when the operation resolves, deliver its S first and the stale U after it (out of order).</summary>
    public static OperationScript NotifyOutOfOrder { get; } = new UnknownFirst(NotifyUnknown: false, OutOfOrder: true, FinalCode: null);

    // Whether the script needs the operation to have a notification.
    internal bool Notifies => this is NotifyFirst or NotifyTwice or UnknownFirst { NotifyUnknown: true } or UnknownFirst { OutOfOrder: true };

    internal sealed record UnknownFirst(bool NotifyUnknown, bool OutOfOrder, ResultCode? FinalCode) : OperationScript;

    internal sealed record Fail(ResultCode ResultCode) : OperationScript;

    internal sealed record Wait(TimeSpan Duration) : OperationScript;

    internal sealed record Status(int StatusCode) : OperationScript;

    internal sealed record Drop : OperationScript;

    internal sealed record Another : OperationScript;

    internal sealed record NotifyFirst : OperationScript;

    internal sealed record NotifyTwice : OperationScript;
}
