namespace Antom.Contracts.Notifications;

/// <summary>What the handler is told besides the notification.</summary>
/// <param name="IsRedelivery">
/// This same final result (same key) was already handled successfully: Antom re-sent it. A <c>U</c> never makes the later
/// <c>S</c> or <c>F</c> a re-delivery, because the result is part of the key.
/// </param>
/// <param name="Key">
/// The claim key: <c>clientId|CAPTURE_RESULT|paymentId|captureRequestId|captureId|resultStatus|currency|minorUnits</c>
/// (each part URL-escaped), or the client id, the type and a hash of the body for other notifications.
/// </param>
public sealed record NotificationContext(bool IsRedelivery, string Key);
