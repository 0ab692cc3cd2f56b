using System;

namespace Antom.Contracts.Simulator;

/// <summary>What the next new capture does: a normal answer, a scripted result, or a fault (the fault matrix of docs/reliability.md).</summary>
public abstract record CaptureScript
{
    private CaptureScript()
    {
    }

    /// <summary>Answer U (CAPTURE_IN_PROCESS) first; the capture succeeds after <see cref="AntomSimulatorOptions.UnknownResolvesAfter"/> and is notified.</summary>
    public static CaptureScript AnswerUnknownFirst { get; } = new UnknownFirst(NotifyUnknown: false, OutOfOrder: false, FinalCode: null);

    /// <summary>Answer U first; the capture then fails with <paramref name="resultCode"/>, and that is notified.</summary>
    public static CaptureScript AnswerUnknownThenFail(ResultCode resultCode) => new UnknownFirst(NotifyUnknown: false, OutOfOrder: false, FinalCode: resultCode);

    /// <summary>Fail with <paramref name="resultCode"/>.</summary>
    public static CaptureScript FailWith(ResultCode resultCode) => new Fail(resultCode);

    /// <summary>Apply the capture, then wait <paramref name="delay"/> before answering (past a client's timeout, say).</summary>
    public static CaptureScript Delay(TimeSpan delay) => new Wait(delay);

    /// <summary>Apply the capture, then answer HTTP <paramref name="statusCode"/> (502, 503, 504, ...) with an unsigned gateway page.</summary>
    public static CaptureScript ApplyThenAnswerStatus(int statusCode) => new Status(statusCode);

    /// <summary>Apply the capture, then drop the connection without answering.</summary>
    public static CaptureScript ApplyThenDropConnection { get; } = new Drop();

    /// <summary>Apply the capture, then answer with a correctly signed S that belongs to another capture of another payment.</summary>
    public static CaptureScript AnswerForAnotherRequest { get; } = new Another();

    /// <summary>Apply the capture and deliver its notifyCapture before the HTTP answer goes out.</summary>
    public static CaptureScript NotifyBeforeAnswer { get; } = new NotifyFirst();

    /// <summary>Apply the capture and deliver its notifyCapture twice at the same moment (two concurrent deliveries).</summary>
    public static CaptureScript NotifyTwiceAtOnce { get; } = new NotifyTwice();

    /// <summary>Answer U, notify U at once, then notify the S when the capture resolves.</summary>
    public static CaptureScript NotifyUnknownThenSuccess { get; } = new UnknownFirst(NotifyUnknown: true, OutOfOrder: false, FinalCode: null);

    /// <summary>Answer U; when the capture resolves, deliver its S first and the stale U after it (out of order).</summary>
    public static CaptureScript NotifyOutOfOrder { get; } = new UnknownFirst(NotifyUnknown: false, OutOfOrder: true, FinalCode: null);

    internal sealed record UnknownFirst(bool NotifyUnknown, bool OutOfOrder, ResultCode? FinalCode) : CaptureScript;

    internal sealed record Fail(ResultCode ResultCode) : CaptureScript;

    internal sealed record Wait(TimeSpan Duration) : CaptureScript;

    internal sealed record Status(int StatusCode) : CaptureScript;

    internal sealed record Drop : CaptureScript;

    internal sealed record Another : CaptureScript;

    internal sealed record NotifyFirst : CaptureScript;

    internal sealed record NotifyTwice : CaptureScript;
}
