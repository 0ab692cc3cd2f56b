using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace Antom.Contracts.Signatures;

/// <summary>
/// Loads RSA keys in the two forms Antom's portal and openssl hand out: bare base64 DER, or PEM. A key of the wrong
/// kind is refused here, at load time: <see cref="RSA.ImportFromPem"/> would take a public PEM for signing or a private
/// PEM for verifying, and the mistake would only show later as signatures that never verify, or as a private key kept
/// where public keys go.
/// </summary>
internal static class RsaKeyText
{
    /// <summary>The smallest RSA key accepted, in bits.</summary>
    public const int MinimumKeySize = 2048;

    private const string PublicGivenForPrivate =
        "This is a public key; AntomSigner needs the merchant's PRIVATE key (base64 PKCS#8 or PEM). "
        + "Antom's public key goes to AntomSignatureVerifier.FromPublicKey.";

    private const string PrivateGivenForPublic =
        "This is a private key; the verifier needs Antom's PUBLIC key (base64 X.509 SubjectPublicKeyInfo or PEM, "
        + "as Antom's portal shows it). Never put a private key where a public one goes.";

    private const string EncryptedPrivate =
        "This is an encrypted private key; AntomSigner needs it unencrypted (PEM 'PRIVATE KEY' or base64 PKCS#8). "
        + "Decrypt it where it is stored (for example openssl pkcs8 -in encrypted.pem -out key.pem) and load the result "
        + "from your secret store.";

    private static readonly Expectation Private = new(
        IsPrivate: true,
        Neither: "base64 PKCS#8 nor a PEM RSA private key",
        Swapped: PublicGivenForPrivate);

    private static readonly Expectation Public = new(
        IsPrivate: false,
        Neither: "base64 X.509 SubjectPublicKeyInfo nor a PEM RSA public key",
        Swapped: PrivateGivenForPublic);

    /// <summary>A private key: base64 PKCS#8 or PEM (<c>PRIVATE KEY</c> or <c>RSA PRIVATE KEY</c>), at least 2048 bits.</summary>
    /// <exception cref="ArgumentException">
    /// The text is not such a key, is a public key, is encrypted, or is too small; the message says which, never the key.
    /// </exception>
    public static RSA ImportPrivate(string key, string parameterName) => Import(key, parameterName, Private);

    /// <summary>
    /// A public key: base64 X.509 SubjectPublicKeyInfo or PEM (<c>PUBLIC KEY</c> or <c>RSA PUBLIC KEY</c>), at least
    /// 2048 bits.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The text is not such a key, is a private key, or is too small; the message says which, never the key.
    /// </exception>
    public static RSA ImportPublic(string key, string parameterName) => Import(key, parameterName, Public);

    private static RSA Import(string key, string parameterName, Expectation expected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key, parameterName);
        RSA rsa = RSA.Create();
        bool loaded = false;
        try
        {
            if (key.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                ImportPem(rsa, key, parameterName, expected);
            }
            else
            {
                ImportDer(rsa, key, parameterName, expected);
            }

            if (rsa.KeySize < MinimumKeySize)
            {
                throw new ArgumentException(
                    $"The key is a {rsa.KeySize}-bit RSA key; at least {MinimumKeySize} bits are required.", parameterName);
            }

            loaded = true;
            return rsa;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new ArgumentException($"The key is neither {expected.Neither}: {e.Message}", parameterName, e);
        }
        finally
        {
            if (!loaded)
            {
                rsa.Dispose();
            }
        }
    }

    // Bare base64: the DER form the caller asked for. When that fails, the other form is tried only to say that the
    // keys were swapped, which is the usual reason.
    private static void ImportDer(RSA rsa, string key, string parameterName, Expectation expected)
    {
        byte[] der = Convert.FromBase64String(key.Trim());
        try
        {
            try
            {
                ImportDerAs(rsa, der, expected.IsPrivate);
            }
            catch (CryptographicException) when (ImportsAs(der, asPrivate: !expected.IsPrivate))
            {
                throw new ArgumentException(expected.Swapped, parameterName);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    private static void ImportDerAs(RSA rsa, byte[] der, bool asPrivate)
    {
        if (asPrivate)
        {
            rsa.ImportPkcs8PrivateKey(der, out _);
        }
        else
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
        }
    }

    private static bool ImportsAs(byte[] der, bool asPrivate)
    {
        using RSA probe = RSA.Create();
        try
        {
            ImportDerAs(probe, der, asPrivate);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // PEM: the label says what the key is, so the kind is checked before anything is imported. Exactly one key block
    // is taken; other blocks (a certificate beside it) are ignored, as RSA.ImportFromPem does.
    private static void ImportPem(RSA rsa, string key, string parameterName, Expectation expected)
    {
        var labels = new List<string>();
        string? keyLabel = null;
        byte[]? der = null;
        int keys = 0;
        try
        {
            ReadOnlySpan<char> rest = key;
            while (PemEncoding.TryFind(rest, out PemFields fields))
            {
                string label = rest[fields.Label].ToString();
                labels.Add(label);
                if (label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) || label.EndsWith("PUBLIC KEY", StringComparison.Ordinal))
                {
                    keys++;
                    if (keys == 1)
                    {
                        keyLabel = label;
                        der = new byte[fields.DecodedDataLength];
                        if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out _))
                        {
                            throw new FormatException("The PEM base64 data does not decode.");
                        }
                    }
                }

                rest = rest[fields.Location.End..];
            }

            if (keys > 1)
            {
                throw new ArgumentException(
                    $"The text holds {keys} PEM keys ({string.Join(", ", labels)}); give exactly one.", parameterName);
            }

            if (keyLabel is null || der is null)
            {
                // OpenSSL's legacy encryption puts "Proc-Type: 4,ENCRYPTED" headers inside the block, which RFC 7468
                // PEM does not allow, so the block is not found at all.
                if (expected.IsPrivate && key.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
                {
                    throw new ArgumentException(EncryptedPrivate, parameterName);
                }

                string found = labels.Count == 0 ? "no well-formed PEM block" : "only " + string.Join(", ", labels);
                throw new ArgumentException($"The key is neither {expected.Neither}: the text has {found}.", parameterName);
            }

            ImportPemBlock(rsa, keyLabel, der, parameterName, expected);
        }
        finally
        {
            if (der is not null)
            {
                CryptographicOperations.ZeroMemory(der);
            }
        }
    }

    private static void ImportPemBlock(RSA rsa, string label, byte[] der, string parameterName, Expectation expected)
    {
        bool isPrivate = label.EndsWith("PRIVATE KEY", StringComparison.Ordinal);
        if (isPrivate != expected.IsPrivate)
        {
            throw new ArgumentException(expected.Swapped, parameterName);
        }

        switch (label)
        {
            case "PRIVATE KEY":
                rsa.ImportPkcs8PrivateKey(der, out _);
                break;
            case "RSA PRIVATE KEY":
                rsa.ImportRSAPrivateKey(der, out _);
                break;
            case "ENCRYPTED PRIVATE KEY":
                throw new ArgumentException(EncryptedPrivate, parameterName);
            case "PUBLIC KEY":
                rsa.ImportSubjectPublicKeyInfo(der, out _);
                break;
            case "RSA PUBLIC KEY":
                rsa.ImportRSAPublicKey(der, out _);
                break;
            default:
                throw new ArgumentException($"The key is neither {expected.Neither}: a PEM '{label}' is not an RSA key.", parameterName);
        }
    }

    private sealed record Expectation(bool IsPrivate, string Neither, string Swapped);
}
