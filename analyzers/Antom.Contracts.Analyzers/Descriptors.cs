using Microsoft.CodeAnalysis;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// The analyzers' descriptors; their IDs come from the repository's one catalogue, eng/DiagnosticIds.cs.
/// Each rule has a page in docs/diagnostics/.
/// </summary>
internal static class Descriptors
{
    public const string UnhandledResultStatusId = DiagnosticIds.UnhandledResultStatus;
    public const string UnknownFallsThroughId = DiagnosticIds.UnknownFallsThrough;
    public const string NewIdempotencyKeyOnRetryId = DiagnosticIds.NewIdempotencyKeyOnRetry;
    public const string MoneyAsStringId = DiagnosticIds.MoneyAsString;
    public const string MoneyAsFloatingPointId = DiagnosticIds.MoneyAsFloatingPoint;
    public const string SuppressExhaustiveSwitchId = DiagnosticIds.SuppressUnnamedEnumValue;

    private const string Correctness = "Antom.Correctness";
    private const string Money = "Antom.Money";

    public static readonly DiagnosticDescriptor MoneyAsString = new(
        MoneyAsStringId,
        "Money handled as a raw string",
        "'{0}' ({1}) holds money as a string: use Antom.Contracts.Money, which carries the currency and checks minor units",
        Money,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string amount has no currency, no minor-unit exponent and no rules: \"1.10\" sent as a value, or 110 read as 110 BRL instead of 1.10, loses money. Switch the naming heuristic off with <AntomMoneyNamingHeuristics>false</AntomMoneyNamingHeuristics>.",
        helpLinkUri: HelpLink(MoneyAsStringId));

    public static readonly DiagnosticDescriptor MoneyAsFloatingPoint = new(
        MoneyAsFloatingPointId,
        "Money through floating point",
        "{0}: binary floating point cannot hold most decimal amounts exactly; use decimal or Money",
        Money,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "double and float cannot represent 0.10 exactly; converting money through them rounds silently, and Money refuses to round.",
        helpLinkUri: HelpLink(MoneyAsFloatingPointId));

    public static readonly DiagnosticDescriptor UnhandledResultStatus = new(
        UnhandledResultStatusId,
        "Switch does not handle every resultStatus or union branch",
        "{0}",
        Correctness,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A switch over ResultStatus, or any closed enum the Antom generator marked, must name every member; a switch over a oneOf union the generator marked with [AntomUnion] must name every branch type. A default or discard arm, or an arm with a when guard, does not count: it would send U (Unknown) into a branch written for a failure, which double-captures, or a new union branch into code written for another.",
        helpLinkUri: HelpLink(UnhandledResultStatusId));

    public static readonly DiagnosticDescriptor UnknownFallsThrough = new(
        UnknownFallsThroughId,
        "Unknown falls into a branch written for another status",
        "{0} {1} ({2}) reaches {3} without being tested: test {4}.{2} explicitly before it",
        Correctness,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Code that tests ResultStatus against some members lets Unknown fall into a branch written for another status, typically treating U as a failure: an if/else chain or conditional expression, the code after an early-return guard, a property pattern in a condition or a switch arm, a && or || condition, != or is not, or a status test copied to a bool local. U means Antom has not decided yet: never fail, never retry with a new captureRequestId.",
        helpLinkUri: HelpLink(UnknownFallsThroughId));

    public static readonly DiagnosticDescriptor NewIdempotencyKeyOnRetry = new(
        NewIdempotencyKeyOnRetryId,
        "A retry after an unknown outcome uses a new idempotency key",
        "{0} is set to a new id {1}: the first {2} may have happened, and a second one under a new id can happen too; retry with the {0} that was sent",
        Correctness,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Inside catch (AntomOutcomeUnknownException) or a branch where resultStatus is U (Unknown), a new CaptureRequest, RefundRequest, PayRequest or UpdateAmountRequest whose captureRequestId/refundRequestId/paymentRequestId/updateRequestId is computed there (Guid.NewGuid(), a literal, an interpolation, a call) is a second operation to Antom, not a retry of the first: it double-captures, double-refunds or double-charges. Reuse the request that was sent, or its id.",
        helpLinkUri: HelpLink(NewIdempotencyKeyOnRetryId));

    /// <summary>Suppresses CS8524 on a switch expression over a marked enum that names every member.</summary>
    public static readonly SuppressionDescriptor ExhaustiveSwitchUnnamedValue = new(
        SuppressExhaustiveSwitchId,
        "CS8524",
        "The switch names every member of a closed Antom enum; a discard arm for unnamed values would hide a member Antom adds later, and ANTOM1001 guards exhaustiveness instead.");

    /// <summary>Suppresses CS8509 on a switch expression over a marked enum that names every member, or a marked union that names every branch.</summary>
    public static readonly SuppressionDescriptor ExhaustiveSwitchNotExhaustive = new(
        DiagnosticIds.SuppressNotExhaustive,
        "CS8509",
        "The switch names every member of a closed Antom enum, or every branch of an Antom union; ANTOM1001 guards exhaustiveness.");

    private static string HelpLink(string id) => "docs/diagnostics/" + id + ".md";
}
