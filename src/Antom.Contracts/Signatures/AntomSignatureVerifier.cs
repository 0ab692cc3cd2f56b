using System;
using System.Security.Cryptography;
using System.Text.Json;

namespace Antom.Contracts.Signatures;

/// <summary>Verifies Antom's signatures on responses and notifications with Antom's public key.</summary>
public sealed class AntomSignatureVerifier : IDisposable
{
    private readonly RSA _key;

    private AntomSignatureVerifier(RSA key, UnsignedResponsePolicy unsignedResponses)
    {
        _key = key;
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
        if (!Enum.IsDefined(unsignedResponses))
        {
            throw new ArgumentException($"{(int)unsignedResponses} is not an UnsignedResponsePolicy.", nameof(unsignedResponses));
        }

        RSA rsa = RsaKeyText.ImportPublic(key, nameof(key));
        return new AntomSignatureVerifier(rsa, unsignedResponses);
    }

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> is Antom's valid RSA256 signature over
    /// <c>"&lt;method&gt; &lt;path&gt;\n&lt;clientId&gt;.&lt;time&gt;.&lt;body&gt;"</c>. A malformed header, a missing part or a wrong key
    /// gives <see langword="false"/>, never an exception.
    /// </summary>
    public bool Verify(string method, string path, string clientId, string time, string signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(method) || string.IsNullOrEmpty(path) || string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(time)
            || !SignatureHeader.TryParse(signatureHeader, out byte[] signature))
        {
            return false;
        }

        try
        {
            byte[] content = SignatureContent.Build(method, path, clientId, time, body);

            // RSA verification recomputes and compares inside the platform's crypto library; nothing here branches
            // on how much of the signature matched.
            return _key.VerifyData(content, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
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
    public void Dispose() => _key.Dispose();

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
