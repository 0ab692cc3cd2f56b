using System;
using Antom.Contracts.Signatures;

namespace Antom.Contracts.Http;

/// <summary>Settings of an <see cref="AntomClient"/>.</summary>
public sealed class AntomClientOptions
{
    /// <summary>The default cap on an answer's size: 1 MiB. Antom's answers are a few kilobytes.</summary>
    public const int DefaultMaxResponseBytes = 1024 * 1024;

    /// <summary>The Antom gateway, scheme and host only (e.g. <c>https://open-sea-global.alipay.com</c>).</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The merchant's client id; a <c>SANDBOX_…</c> id calls the sandbox paths.</summary>
    public required string ClientId { get; init; }

    /// <summary>Signs every request with the merchant's private key.</summary>
    public required AntomSigner Signer { get; init; }

    /// <summary>Verifies every response with Antom's public key. State-changing answers must always be signed; inquiries follow its unsigned-response policy.</summary>
    public required AntomSignatureVerifier Verifier { get; init; }

    /// <summary>The clock for <c>request-time</c>; the system clock by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The largest answer read, in bytes (<see cref="DefaultMaxResponseBytes"/> by default). A larger answer is never
    /// buffered: it is <see cref="NoVerifiedAnswerReason.BodyTooLarge"/>.
    /// </summary>
    public int MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;
}
