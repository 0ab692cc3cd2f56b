namespace Antom.Contracts.Notifications;

/// <summary>Why no acknowledgement was returned. Without one Antom re-sends, so nothing is lost.</summary>
public enum NotificationRejection
{
    /// <summary>Acknowledged.</summary>
    None = 0,

    /// <summary>The signature is missing, malformed or wrong: the body was not even read.</summary>
    BadSignature,

    /// <summary>The <c>client-id</c> is not one of <see cref="AntomNotificationReceiverOptions.ClientIds"/>.</summary>
    UnexpectedClientId,

    /// <summary>The <c>request-time</c> is unreadable or older than <see cref="AntomNotificationReceiverOptions.MaxRequestAge"/>.</summary>
    Stale,

    /// <summary>The body breaks its contract; <see cref="NotificationOutcome.Error"/> is the <see cref="AntomPayloadException"/>.</summary>
    BadPayload,

    /// <summary>Another delivery of the same result is being handled right now; Antom will re-send.</summary>
    InProgress,

    /// <summary>The handler threw; <see cref="NotificationOutcome.Error"/> is its exception. Antom will re-send.</summary>
    HandlerFailed,
}
