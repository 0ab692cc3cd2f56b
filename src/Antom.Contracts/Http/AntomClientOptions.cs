using System;
using System.Net.Http;
using Antom.Contracts.Signatures;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// The most one call may take, headers and body together (30 s by default); past it a state-changing call is
    /// <see cref="NoVerifiedAnswerReason.Timeout"/>. <see cref="HttpClient.Timeout"/> alone stops counting at the headers.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far an answer's signed <c>response-time</c> may be from now when the answer is an <c>F</c> that echoes no
    /// request id (5 min by default). Such an answer cannot be tied to its request by its ids, so only a fresh one is
    /// believed; an old one could be a replay, and is <see cref="NoVerifiedAnswerReason.NotThisRequest"/>.
    /// </summary>
    public TimeSpan ResponseTimeTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where every call is logged (api, idempotency key, resultStatus, resultCode, elapsed time; outcome-unknown
    /// reasons), never keys, signatures, bodies or card data; nothing is logged when null.
    /// </summary>
    public ILogger? Logger { get; init; }

    internal void Validate()
    {
        if (MaxResponseBytes <= 0 || MaxResponseBytes >= Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, $"AntomClientOptions.MaxResponseBytes must be between 1 and {Array.MaxLength - 1}.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout.Ticks > (int.MaxValue - 1) * TimeSpan.TicksPerMillisecond)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "AntomClientOptions.Timeout must be positive and at most about 24 days.");
        }

        if (ResponseTimeTolerance <= TimeSpan.Zero || ResponseTimeTolerance > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ResponseTimeTolerance), ResponseTimeTolerance, "AntomClientOptions.ResponseTimeTolerance must be positive and at most one day.");
        }

        ArgumentNullException.ThrowIfNull(Endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId);
        ArgumentNullException.ThrowIfNull(Signer);
        ArgumentNullException.ThrowIfNull(Verifier);
        ArgumentNullException.ThrowIfNull(Time);
    }
}
