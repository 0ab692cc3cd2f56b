using System;
using System.Security.Cryptography;

namespace Antom.Contracts.Signatures;

/// <summary>
/// Signs requests to Antom with the merchant's private key: RSA256, that is SHA-256 with RSA, PKCS#1 v1.5.
/// </summary>
public sealed class AntomSigner : IDisposable
{
    private readonly RSA _key;

    private AntomSigner(RSA key, int keyVersion)
    {
        _key = key;
        KeyVersion = keyVersion;
    }

    /// <summary>The <c>keyVersion</c> written into the header.</summary>
    public int KeyVersion { get; }

    /// <summary>Loads the merchant's private key: base64 PKCS#8 (as Antom's portal gives it) or PEM.</summary>
    /// <param name="key">The key text.</param>
    /// <param name="keyVersion">The <c>keyVersion</c> to write into headers (1 unless Antom says otherwise).</param>
    /// <exception cref="ArgumentException">
    /// The text is not an RSA private key in either form, is a public key, is encrypted, or is under 2048 bits.
    /// </exception>
    public static AntomSigner FromPrivateKey(string key, int keyVersion = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyVersion);
        RSA rsa = RsaKeyText.ImportPrivate(key, nameof(key));
        return new AntomSigner(rsa, keyVersion);
    }

    /// <summary>The base64 RSA256 signature of the content Antom signs.</summary>
    public string Sign(string method, string path, string clientId, string requestTime, ReadOnlySpan<byte> body)
    {
        AntomApiPath.RequireMatches(clientId, path);
        byte[] content = SignatureContent.Build(method, path, clientId, requestTime, body);
        return Convert.ToBase64String(_key.SignData(content, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>
    /// The full <c>signature</c> header value: <c>algorithm=RSA256,keyVersion=1,signature=&lt;url-encoded base64&gt;</c>.
    /// The path is signed exactly as given: a sandbox client (<c>SANDBOX_…</c>) must pass its <c>/ams/sandbox/api/…</c>
    /// path (see <see cref="AntomApiPath.For"/>), and a mismatch throws rather than being rewritten.
    /// </summary>
    /// <exception cref="ArgumentException">The path does not match the client id's environment, or is not a bare path.</exception>
    public string CreateSignatureHeader(string method, string path, string clientId, string requestTime, ReadOnlySpan<byte> body)
        => SignatureHeader.Format(KeyVersion, Sign(method, path, clientId, requestTime, body));

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();
}
