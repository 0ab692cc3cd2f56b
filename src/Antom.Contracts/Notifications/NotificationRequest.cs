using System;

namespace Antom.Contracts.Notifications;

/// <summary>One notification delivery, as received: headers and raw body, untouched.</summary>
/// <param name="Path">The path Antom called, as received (with any path base): the signature covers it.</param>
/// <param name="ClientId">The <c>client-id</c> header.</param>
/// <param name="RequestTime">The <c>request-time</c> header.</param>
/// <param name="Signature">The <c>signature</c> header.</param>
/// <param name="Body">The raw body bytes, exactly as received.</param>
public sealed record NotificationRequest(string Path, string? ClientId, string? RequestTime, string? Signature, ReadOnlyMemory<byte> Body);
