using System;

namespace Antom.Contracts.Notifications;

/// <summary>The result of receiving one notification.</summary>
public sealed class NotificationOutcome
{
    private NotificationOutcome(NotificationRejection rejection, ReadOnlyMemory<byte> acknowledgement, Exception? error)
    {
        Rejection = rejection;
        Acknowledgement = acknowledgement;
        Error = error;
    }

    /// <summary>Whether the acknowledgement should be sent.</summary>
    public bool IsAcknowledged => Rejection == NotificationRejection.None;

    /// <summary>Why not, when not.</summary>
    public NotificationRejection Rejection { get; }

    /// <summary>The exact acknowledgement bytes to answer with (HTTP 200); empty when not acknowledged.</summary>
    public ReadOnlyMemory<byte> Acknowledgement { get; }

    /// <summary>The payload error or the handler's exception, when there was one.</summary>
    public Exception? Error { get; }

    internal static NotificationOutcome Acknowledged(ReadOnlyMemory<byte> acknowledgement) => new(NotificationRejection.None, acknowledgement, null);

    internal static NotificationOutcome Rejected(NotificationRejection rejection, Exception? error = null) => new(rejection, ReadOnlyMemory<byte>.Empty, error);
}
