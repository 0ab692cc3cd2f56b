using System;
using System.Security.Cryptography;

namespace Antom.Contracts.Signatures;

/// <summary>Loads RSA keys in the two forms Antom's portal and openssl hand out: bare base64 DER, or PEM.</summary>
internal static class RsaKeyText
{
    /// <summary>A private key: base64 PKCS#8 or PEM.</summary>
    public static RSA ImportPrivate(string key, string parameterName)
        => Import(key, parameterName, "base64 PKCS#8 nor a PEM RSA private key", (rsa, der) => rsa.ImportPkcs8PrivateKey(der, out _));

    /// <summary>A public key: base64 X.509 SubjectPublicKeyInfo or PEM.</summary>
    public static RSA ImportPublic(string key, string parameterName)
        => Import(key, parameterName, "base64 X.509 SubjectPublicKeyInfo nor a PEM RSA public key", (rsa, der) => rsa.ImportSubjectPublicKeyInfo(der, out _));

    private static RSA Import(string key, string parameterName, string expected, Action<RSA, byte[]> importDer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key, parameterName);
        RSA rsa = RSA.Create();
        try
        {
            if (key.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(key);
            }
            else
            {
                importDer(rsa, Convert.FromBase64String(key.Trim()));
            }

            return rsa;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            throw new ArgumentException($"The key is neither {expected}: {e.Message}", parameterName, e);
        }
    }
}
