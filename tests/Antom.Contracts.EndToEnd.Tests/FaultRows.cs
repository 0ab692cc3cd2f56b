using System;
using Antom.Contracts.Http;
using Antom.Contracts.Simulator;
using Xunit;

namespace Antom.Contracts.EndToEnd.Tests;

/// <summary>
/// The rows of docs/reliability.md's fault matrix, shared by every operation's matrix: each row's simulator script,
/// the reason the caller's <see cref="AntomOutcomeUnknownException"/> must carry (or null), and the status of the
/// verified answer the caller gets instead (or null).
/// </summary>
internal static class FaultRows
{
    public static string[] Names { get; } =
    [
        "apply-then-502",
        "apply-then-503",
        "apply-then-504",
        "apply-then-drop",
        "apply-then-delay-past-timeout",
        "signed-answer-for-another-request",
        "notification-before-answer",
        "notification-twice-at-once",
        "U-then-S",
        "out-of-order",
        "U-then-F",
    ];

    public static TheoryData<string> All => new(Names);

    public static (OperationScript Script, NoVerifiedAnswerReason? Reason, ResultStatus? Answer) For(string row) => row switch
    {
        "apply-then-502" => (OperationScript.ApplyThenAnswerStatus(502), NoVerifiedAnswerReason.HttpStatus, null),
        "apply-then-503" => (OperationScript.ApplyThenAnswerStatus(503), NoVerifiedAnswerReason.HttpStatus, null),
        "apply-then-504" => (OperationScript.ApplyThenAnswerStatus(504), NoVerifiedAnswerReason.HttpStatus, null),
        "apply-then-drop" => (OperationScript.ApplyThenDropConnection, NoVerifiedAnswerReason.ConnectionFailed, null),
        "apply-then-delay-past-timeout" => (OperationScript.Delay(TimeSpan.FromSeconds(2)), NoVerifiedAnswerReason.Timeout, null),
        "signed-answer-for-another-request" => (OperationScript.AnswerForAnotherRequest, NoVerifiedAnswerReason.NotThisRequest, null),
        "notification-before-answer" => (OperationScript.NotifyBeforeAnswer, null, ResultStatus.Success),
        "notification-twice-at-once" => (OperationScript.NotifyTwiceAtOnce, null, ResultStatus.Success),
        "U-then-S" => (OperationScript.NotifyUnknownThenSuccess, null, ResultStatus.Unknown),
        "out-of-order" => (OperationScript.NotifyOutOfOrder, null, ResultStatus.Unknown),
        "U-then-F" => (OperationScript.AnswerUnknownThenFail(ResultCode.ProcessFail), null, ResultStatus.Unknown),
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, null),
    };

    /// <summary>The one row whose client needs a short timeout; on a loaded machine a normal answer can take longer than 500 ms.</summary>
    public static TimeSpan Timeout(string row) => row == "apply-then-delay-past-timeout" ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(30);
}
