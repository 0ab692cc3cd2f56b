namespace Antom.Contracts.Notifications;

/// <summary>A notification Antom posted to the merchant's notify URL.</summary>
public abstract class AntomNotification
{
    private protected AntomNotification(string notifyType)
    {
        NotifyType = notifyType;
    }

    /// <summary>The raw <c>notifyType</c>.</summary>
    public string NotifyType { get; }
}
