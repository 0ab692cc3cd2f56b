using System;
using System.Collections.Generic;
using Antom.Contracts.Http;

namespace Antom.Contracts.Hosting;

/// <summary>
/// The <c>Antom</c> configuration section that <see cref="AntomServiceCollectionExtensions.AddAntom"/> binds, and
/// validates when the host starts (every failure names its setting, never a key's text).
/// </summary>
public sealed class AntomOptions
{
    /// <summary>
    /// <c>Antom:Endpoint</c>: the Antom gateway, scheme and host only, an absolute <c>https</c> URI (e.g.
    /// <c>https://open-sea-global.alipay.com</c>). Plain <c>http</c> is accepted only for a loopback host (the
    /// simulator in tests). Required.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary><c>Antom:ClientId</c>: the merchant's client id; a <c>SANDBOX_…</c> id calls the sandbox paths. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// <c>Antom:PrivateKey</c>: the merchant's RSA private key, base64 PKCS#8 (as Antom's portal gives it) or PEM, at
    /// least 2048 bits. Exactly one of this and <see cref="PrivateKeyFile"/>; keep it in a secret store, not in
    /// <c>appsettings.json</c>.
    /// </summary>
    public string? PrivateKey { get; set; }

    /// <summary><c>Antom:PrivateKeyFile</c>: a path to a file holding the private key, instead of <see cref="PrivateKey"/>.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>
    /// <c>Antom:AntomPublicKeys</c>: Antom's public key(s), base64 X.509 SubjectPublicKeyInfo or PEM; at least one.
    /// While Antom rotates its key, list the old and the new: an answer or notification is accepted when any of them
    /// verifies it (every key listed is trusted; the header's unsigned <c>keyVersion</c> is not relied on).
    /// </summary>
    public IList<string> AntomPublicKeys { get; } = new List<string>();

    /// <summary>
    /// <c>Antom:Timeout</c>: the most one call may take, every attempt and the answer's body together (00:00:30 by
    /// default). Past it a state-changing call is <see cref="AntomOutcomeUnknownException"/> with
    /// <see cref="NoVerifiedAnswerReason.Timeout"/>.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Antom:MaxResponseBytes</c>: the largest answer read (1048576 by default).</summary>
    public int MaxResponseBytes { get; set; } = AntomClientOptions.DefaultMaxResponseBytes;

    /// <summary>
    /// <c>Antom:ConnectRetries</c>: how many more times a request is tried when connecting to Antom failed, which
    /// proves it was never sent (DNS, TCP connect, TLS handshake); 2 by default, 0 to 5. Nothing else is ever retried.
    /// </summary>
    public int ConnectRetries { get; set; } = 2;

    /// <summary><c>Antom:Notifications</c>: the settings of the notification receiver (<c>MapAntomNotifications</c>).</summary>
    public AntomNotificationsOptions Notifications { get; } = new();

    /// <summary>Settings whose text did not parse (a Timeout that is not a time span, say), for the validator to report.</summary>
    internal IList<string> BindingFailures { get; } = new List<string>();
}
