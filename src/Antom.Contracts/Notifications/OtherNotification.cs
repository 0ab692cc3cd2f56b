using System;

namespace Antom.Contracts.Notifications;

/// <summary>
/// Any other notification (<c>PAYMENT_RESULT</c>, ...): they arrive at the same URL. It carries its type and a copy of
/// its body, untouched, for a handler that knows it.
/// </summary>
public sealed class OtherNotification : AntomNotification
{
    internal OtherNotification(string notifyType, byte[] body)
        : base(notifyType)
    {
        Body = body;
    }

    /// <summary>The notification's body, byte for byte.</summary>
    public ReadOnlyMemory<byte> Body { get; }
}
