namespace Antom.Contracts.Notifications;

/// <summary>What the handler is told besides the notification.</summary>
/// <param name="IsRedelivery">
/// This same final result (same key) was already handled successfully: Antom re-sent it. A <c>U</c> never makes the later
/// <c>S</c> or <c>F</c> a re-delivery, because the result is part of the key.
/// </param>
/// <param name="Key">The claim key: <c>&lt;clientId&gt;:CAPTURE_RESULT:&lt;paymentId&gt;:&lt;captureId&gt;:&lt;resultStatus&gt;</c>, or the client id, type and a hash of the body.</param>
public sealed record NotificationContext(bool IsRedelivery, string Key);
