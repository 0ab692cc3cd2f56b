namespace Antom.Contracts.Notifications;

/// <summary>A <c>notifyCapture</c> (<c>notifyType</c> <c>CAPTURE_RESULT</c>), fully read and checked.</summary>
public sealed class CaptureResultReceived : AntomNotification
{
    internal CaptureResultReceived(CaptureResultNotification notification)
        : base("CAPTURE_RESULT")
    {
        Notification = notification;
    }

    /// <summary>The typed notification.</summary>
    public CaptureResultNotification Notification { get; }
}
