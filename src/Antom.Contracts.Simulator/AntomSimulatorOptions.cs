using System;
using System.Collections.Generic;

namespace Antom.Contracts.Simulator;

/// <summary>Settings of an <see cref="AntomSimulator"/>.</summary>
public sealed class AntomSimulatorOptions
{
    /// <summary>The merchant's client id the simulator accepts (and puts on its notifications).</summary>
    public required string ClientId { get; init; }

    /// <summary>The merchant's public key (base64 SPKI or PEM): requests are verified with it.</summary>
    public required string MerchantPublicKey { get; init; }

    /// <summary>"Antom's" private key (PEM or base64 PKCS#8) for signing; a fresh throwaway key when null.</summary>
    public string? AntomPrivateKey { get; init; }

    /// <summary>Where every notification goes (notifyPayment, notifyCapture, notifyRefund); none are sent when null.</summary>
    public Uri? NotifyUrl { get; init; }

    /// <summary>
    /// When re-sends happen: Antom's schedule (0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h) compressed, by default
    /// to milliseconds so tests stay fast. Sending stops at the first exact acknowledgement.
    /// </summary>
    public IReadOnlyList<TimeSpan> NotificationSchedule { get; init; } =
        [TimeSpan.Zero, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1500)];

    /// <summary>How long an operation scripted to answer U stays undecided before it resolves.</summary>
    public TimeSpan UnknownResolvesAfter { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// "Antom's" clock: the times it writes (answers, notifications, the signed <c>response-time</c>) and the windows it
    /// applies (cancel within seven days, <c>authExpiryTime</c> seven days after a pay). Move it to test a window without
    /// waiting, and give the client the same clock (<c>AntomClientOptions.Time</c>) so a fresh answer reads as fresh. The
    /// delays (<see cref="NotificationSchedule"/>, <see cref="UnknownResolvesAfter"/>) run on real time.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
