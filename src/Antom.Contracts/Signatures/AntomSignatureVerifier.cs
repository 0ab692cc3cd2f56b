using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace Antom.Contracts.Signatures;

/// <summary>
/// Verifies Antom's signatures on responses and notifications with Antom's public key, or with several of them while
/// Antom rotates its key (see <see cref="FromVersionedPublicKeys"/>).
/// </summary>
public sealed class AntomSignatureVerifier : IDisposable
{
    // Every key is trusted; a version (when known) only says which one to use for a header that names it.
    private readonly (string? Version, RSA Key)[] _keys;

    private AntomSignatureVerifier((string? Version, RSA Key)[] keys, UnsignedResponsePolicy unsignedResponses)
    {
        _keys = keys;
        UnsignedResponses = unsignedResponses;
    }

    /// <summary>How unsigned responses are treated by <see cref="VerifyResponse"/>.</summary>
    public UnsignedResponsePolicy UnsignedResponses { get; }

    /// <summary>Loads Antom's public key: base64 X.509 SubjectPublicKeyInfo (as Antom's portal gives it) or PEM.</summary>
    /// <param name="key">The key text.</param>
    /// <param name="unsignedResponses">How unsigned responses are treated; by default an unsigned S is refused.</param>
    /// <exception cref="ArgumentException">
    /// The text is not an RSA public key in either form, is a private key, or is under 2048 bits; or the policy is not
    /// defined.
    /// </exception>
    public static AntomSignatureVerifier FromPublicKey(string key, UnsignedResponsePolicy unsignedResponses = UnsignedResponsePolicy.RejectUnsignedSuccess)
    {
        RequireDefined(unsignedResponses);
        return new AntomSignatureVerifier([(null, RsaKeyText.ImportPublic(key, nameof(key)))], unsignedResponses);
    }

    /// <summary>
    /// Loads several of Antom's public keys (during a key rotation: the old and the new), none tied to a
    /// <c>keyVersion</c>: a signature is accepted when any of them verifies it. Every key given is trusted equally, so
    /// trying each is as safe as trying one.
    /// </summary>
    /// <param name="keys">The key texts (base64 X.509 SubjectPublicKeyInfo or PEM); at least one.</param>
    /// <param name="unsignedResponses">How unsigned responses are treated; by default an unsigned S is refused.</param>
    /// <exception cref="ArgumentException">No key is given, or one is not an RSA public key of at least 2048 bits (the message says which, by position, never the key).</exception>
    public static AntomSignatureVerifier FromPublicKeys(IEnumerable<string> keys, UnsignedResponsePolicy unsignedResponses = UnsignedResponsePolicy.RejectUnsignedSuccess)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Load(keys.Select((key, i) => (Version: (string?)null, Text: key, Name: $"keys[{i}]")).ToArray(), unsignedResponses);
    }

    /// <summary>
    /// Loads several of Antom's public keys by their <c>keyVersion</c>. A signature header whose <c>keyVersion</c> names
    /// one of them is verified with that key only; a header with no <c>keyVersion</c>, or one naming a version not given
    /// here, is tried with each key, and is accepted when any verifies it. That fallback is safe: <c>keyVersion</c> is not
    /// covered by the signature (anyone can write any value), and every key given is trusted, so it only picks which
    /// trusted key is tried first, never whether an untrusted one is.
    /// </summary>
    /// <param name="keysByVersion">The key texts (base64 X.509 SubjectPublicKeyInfo or PEM) by their <c>keyVersion</c>; at least one.</param>
    /// <param name="unsignedResponses">How unsigned responses are treated; by default an unsigned S is refused.</param>
    /// <exception cref="ArgumentException">No key is given, a version is blank, or a key is not an RSA public key of at least 2048 bits (the message names its version, never the key).</exception>
    public static AntomSignatureVerifier FromVersionedPublicKeys(IReadOnlyDictionary<string, string> keysByVersion, UnsignedResponsePolicy unsignedResponses = UnsignedResponsePolicy.RejectUnsignedSuccess)
    {
        ArgumentNullException.ThrowIfNull(keysByVersion);
        foreach (string version in keysByVersion.Keys)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(version, nameof(keysByVersion));
        }

        return Load(keysByVersion.Select(p => (Version: (string?)p.Key.Trim(), Text: p.Value, Name: $"keysByVersion[{p.Key}]")).ToArray(), unsignedResponses);
    }

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> is Antom's valid RSA256 signature over
    /// <c>"&lt;method&gt; &lt;path&gt;\n&lt;clientId&gt;.&lt;time&gt;.&lt;body&gt;"</c>. A malformed header, a missing part or a wrong key
    /// gives <see langword="false"/>, never an exception.
    /// </summary>
    public bool Verify(string method, string path, string clientId, string time, string signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(method) || string.IsNullOrEmpty(path) || string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(time)
            || !SignatureHeader.TryParse(signatureHeader, out byte[] signature, out string? keyVersion))
        {
            return false;
        }

        try
        {
            byte[] content = SignatureContent.Build(method, path, clientId, time, body);

            // A keyVersion we know picks its key alone; any other (or none) tries every trusted key.
            bool named = keyVersion is not null && Array.Exists(_keys, k => k.Version == keyVersion);
            foreach ((string? version, RSA key) in _keys)
            {
                // RSA verification recomputes and compares inside the platform's crypto library; nothing here branches
                // on how much of the signature matched.
                if ((!named || version == keyVersion) && key.VerifyData(content, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Verifies a response, signed with its <c>response-time</c> header over the request's path. A response without
    /// a signature is judged by <see cref="UnsignedResponses"/>: by default it is refused when it says <c>S</c>.
    /// </summary>
    public bool VerifyResponse(string method, string path, string clientId, string? responseTime, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (!string.IsNullOrWhiteSpace(signatureHeader))
        {
            return responseTime is not null && Verify(method, path, clientId, responseTime, signatureHeader, body);
        }

        return UnsignedResponses switch
        {
            UnsignedResponsePolicy.RejectAllUnsigned => false,
            _ => ReadResultStatus(body) is "F" or "U",
        };
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach ((_, RSA key) in _keys)
        {
            key.Dispose();
        }
    }

    private static void RequireDefined(UnsignedResponsePolicy unsignedResponses)
    {
        if (!Enum.IsDefined(unsignedResponses))
        {
            throw new ArgumentException($"{(int)unsignedResponses} is not an UnsignedResponsePolicy.", nameof(unsignedResponses));
        }
    }

    private static AntomSignatureVerifier Load((string? Version, string Text, string Name)[] keys, UnsignedResponsePolicy unsignedResponses)
    {
        RequireDefined(unsignedResponses);
        if (keys.Length == 0)
        {
            throw new ArgumentException("Give at least one of Antom's public keys.", nameof(keys));
        }

        var loaded = new List<(string? Version, RSA Key)>(keys.Length);
        try
        {
            foreach ((string? version, string text, string name) in keys)
            {
                loaded.Add((version, RsaKeyText.ImportPublic(text, name)));
            }
        }
        catch
        {
            loaded.ForEach(k => k.Key.Dispose());
            throw;
        }

        return new AntomSignatureVerifier([.. loaded], unsignedResponses);
    }

    // result.resultStatus of an unsigned body, or null when it cannot be read (which the default policy refuses).
    private static string? ReadResultStatus(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("result", out JsonElement result)
                   && result.ValueKind == JsonValueKind.Object
                   && result.TryGetProperty("resultStatus", out JsonElement status)
                   && status.ValueKind == JsonValueKind.String
                ? status.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
