using System;

namespace Antom.Contracts.Notifications;

/// <summary>A correctly signed notification that breaks its contract: keep it, reconcile it, and fix what sent it.</summary>
/// <param name="NotifyType">Its <c>notifyType</c>, when readable.</param>
/// <param name="ClientId">The verified <c>client-id</c>.</param>
/// <param name="Body">The raw body, byte for byte (a copy the hook may keep).</param>
/// <param name="Error">What is wrong, with its JSON path.</param>
public sealed record RejectedNotification(string? NotifyType, string ClientId, ReadOnlyMemory<byte> Body, AntomPayloadException Error);
