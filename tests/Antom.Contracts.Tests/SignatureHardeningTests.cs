using System;
using System.Linq;
using System.Security.Cryptography;
using Antom.Contracts.Signatures;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// The <c>signature</c> header's field rules (unknown fields skipped, repeated known fields refused, keyVersion read)
/// checked against the openssl-made fixtures that <see cref="SignatureTests"/> uses.
/// </summary>
public class SignatureHeaderHardeningTests
{
    private const string Method = "POST", Path = "/ams/api/v1/payments/capture", Client = "TEST_CLIENT_1", Time = "1685599933871";

    private static string Signature => SignatureTests.Read("capture.signature.b64");

    [Theory]
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0},charset=UTF-8")]
    [InlineData("charset=UTF-8,algorithm=RSA256,keyVersion=1,signature={0}")]
    [InlineData("algorithm=RSA256,foo=bar,keyVersion=1,signature={0}")]
    [InlineData("algorithm=RSA256, foo=, keyVersion=1, signature={0}, x-trace=a=b")]
    [InlineData("algorithm=RSA256,signature={0}")]
    public void Unknown_fields_are_skipped_and_the_real_signature_still_verifies(string template)
    {
        string header = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(Signature));
        using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(SignatureTests.Read("test-public-key.pem"));

        Assert.True(verifier.Verify(Method, Path, Client, Time, header, SignatureTests.Body("capture")));
        Assert.True(SignatureHeader.TryParse(header, out byte[] parsed));
        Assert.Equal(Convert.FromBase64String(Signature), parsed);
    }

    [Fact]
    public void An_unknown_field_does_not_rescue_a_wrong_signature()
    {
        byte[] forged = Convert.FromBase64String(Signature);
        forged[10] ^= 1;
        string header = "algorithm=RSA256,keyVersion=1,charset=UTF-8,signature=" + Uri.EscapeDataString(Convert.ToBase64String(forged));
        using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(SignatureTests.Read("test-public-key.pem"));

        Assert.True(SignatureHeader.TryParse(header, out _)); // well-formed, so the refusal below is the signature check's
        Assert.False(verifier.Verify(Method, Path, Client, Time, header, SignatureTests.Body("capture")));
    }

    [Theory]
    [InlineData("algorithm=RSA256,algorithm=RSA256,keyVersion=1,signature={0}")] // same value twice
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0},algorithm=RSA1")]
    [InlineData("algorithm=RSA1,keyVersion=1,signature={0},algorithm=RSA256")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0},signature={0}")] // same value twice
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0},signature={1}")]
    [InlineData("algorithm=RSA256,keyVersion=1,keyVersion=1,signature={0}")] // same value twice
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0},keyVersion=2")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0},Signature={1}")] // the same field in another case
    [InlineData("ALGORITHM=RSA256,algorithm=RSA256,keyVersion=1,signature={0}")]
    [InlineData("algorithm=RSA256,KeyVersion=2,keyVersion=1,signature={0}")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0},foo")] // an unknown field still needs its '='
    public void A_repeated_or_ambiguous_known_field_refuses_the_header_even_with_a_valid_signature(string template)
    {
        string other = Convert.ToBase64String(new byte[256]);
        string header = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(Signature), other);
        using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(SignatureTests.Read("test-public-key.pem"));

        Assert.False(SignatureHeader.TryParse(header, out byte[] signature, out string? keyVersion));
        Assert.Empty(signature);
        Assert.Null(keyVersion);
        Assert.False(verifier.Verify(Method, Path, Client, Time, header, SignatureTests.Body("capture")));
    }

    [Theory]
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0}", "1")]
    [InlineData("algorithm=RSA256, keyVersion=2 , signature={0}", "2")]
    [InlineData("keyVersion=v2024-01,algorithm=RSA256,signature={0}", "v2024-01")] // opaque: not a number to us
    [InlineData("algorithm=RSA256,keyVersion=007,signature={0}", "007")]
    [InlineData("algorithm=RSA256,keyVersion=,signature={0}", "")]
    [InlineData("algorithm=RSA256,signature={0}", null)]
    public void The_key_version_is_read_as_given_and_null_when_absent(string template, string? expected)
    {
        string header = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(Signature));

        Assert.True(SignatureHeader.TryParse(header, out byte[] signature, out string? keyVersion));
        Assert.Equal(expected, keyVersion);
        Assert.Equal(Convert.FromBase64String(Signature), signature);
    }

    [Fact]
    public void The_header_the_signer_writes_reads_back_with_its_key_version()
    {
        using AntomSigner signer = AntomSigner.FromPrivateKey(SignatureTests.Read("test-private-key.pem"), keyVersion: 3);
        string header = signer.CreateSignatureHeader(Method, Path, Client, Time, SignatureTests.Body("capture"));

        Assert.True(SignatureHeader.TryParse(header, out byte[] signature, out string? keyVersion));
        Assert.Equal("3", keyVersion);
        Assert.Equal(Convert.FromBase64String(Signature), signature);
    }
}

/// <summary>
/// Key loading refuses the wrong kind of key, encrypted keys and small keys when the signer or verifier is made, with
/// a message that says which, and never repeats the key.
/// </summary>
public class SignatureKeyLoadingTests
{
    private const string PublicForPrivate = "This is a public key; AntomSigner needs the merchant's PRIVATE key";
    private const string PrivateForPublic = "This is a private key; the verifier needs Antom's PUBLIC key";
    private const string NeverPrivateAsPublic = "Never put a private key where a public one goes";

    // The key is made inside the test from its form's name, so no key text ends up in the test's display name.
    [Theory]
    [InlineData("PEM PUBLIC KEY")]
    [InlineData("base64 SPKI")]
    [InlineData("PEM RSA PUBLIC KEY")]
    public void A_public_key_given_to_the_signer_is_refused_as_a_public_key(string form)
    {
        string key = KeyIn(form);

        ArgumentException e = Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey(key));

        Assert.StartsWith(PublicForPrivate, e.Message, StringComparison.Ordinal);
        Assert.Equal("key", e.ParamName);
        AssertNoKeyMaterial(e, key);
    }

    [Theory]
    [InlineData("PEM PRIVATE KEY")]
    [InlineData("base64 PKCS#8")]
    [InlineData("PEM RSA PRIVATE KEY")]
    [InlineData("PEM ENCRYPTED PRIVATE KEY")]
    public void A_private_key_given_to_the_verifier_is_refused_as_a_private_key(string form)
    {
        string key = KeyIn(form);

        ArgumentException e = Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromPublicKey(key));

        Assert.StartsWith(PrivateForPublic, e.Message, StringComparison.Ordinal);
        Assert.Contains(NeverPrivateAsPublic, e.Message, StringComparison.Ordinal);
        Assert.Equal("key", e.ParamName);
        AssertNoKeyMaterial(e, key);
    }

    [Fact]
    public void The_right_kinds_in_every_accepted_form_still_sign_and_verify_each_other()
    {
        using RSA rsa = RSA.Create(2048);
        string[] privates = [rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportRSAPrivateKeyPem(), Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())];
        string[] publics = [rsa.ExportSubjectPublicKeyInfoPem(), rsa.ExportRSAPublicKeyPem(), Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())];
        byte[] body = SignatureTests.Body("capture");

        foreach (string privateKey in privates)
        {
            using AntomSigner signer = AntomSigner.FromPrivateKey(privateKey);
            string header = signer.CreateSignatureHeader("POST", AntomApiPath.Capture, "TEST_CLIENT_1", "1", body);
            foreach (string publicKey in publics)
            {
                using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(publicKey);
                Assert.True(verifier.Verify("POST", AntomApiPath.Capture, "TEST_CLIENT_1", "1", header, body));
            }
        }
    }

    [Fact]
    public void An_encrypted_private_key_is_refused_with_what_to_do()
    {
        using RSA rsa = RSA.Create(2048);
        string key = EncryptedPem(rsa);

        ArgumentException e = Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey(key));

        Assert.StartsWith("This is an encrypted private key; AntomSigner needs it unencrypted", e.Message, StringComparison.Ordinal);
        Assert.Equal("key", e.ParamName);
        AssertNoKeyMaterial(e, key);
    }

    [Fact]
    public void A_legacy_openssl_encrypted_pem_is_refused_as_encrypted()
    {
        using RSA rsa = RSA.Create(2048);
        string body = Convert.ToBase64String(rsa.ExportRSAPrivateKey(), Base64FormattingOptions.InsertLineBreaks);
        string key = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n"
                     + body + "\n-----END RSA PRIVATE KEY-----\n";

        ArgumentException e = Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey(key));

        Assert.StartsWith("This is an encrypted private key", e.Message, StringComparison.Ordinal);
        Assert.Equal("key", e.ParamName);
    }

    [Fact]
    public void A_1024_bit_key_is_refused_in_every_form_with_its_size_and_the_minimum()
    {
        using RSA small = RSA.Create(1024);
        Assert.Equal(1024, small.KeySize);
        (string Key, bool IsPrivate)[] keys =
        [
            (small.ExportPkcs8PrivateKeyPem(), true),
            (Convert.ToBase64String(small.ExportPkcs8PrivateKey()), true),
            (small.ExportSubjectPublicKeyInfoPem(), false),
            (Convert.ToBase64String(small.ExportSubjectPublicKeyInfo()), false),
        ];

        foreach ((string key, bool isPrivate) in keys)
        {
            ArgumentException e = isPrivate
                ? Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey(key))
                : Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromPublicKey(key));

            Assert.StartsWith("The key is a 1024-bit RSA key; at least 2048 bits are required.", e.Message, StringComparison.Ordinal);
            Assert.Equal("key", e.ParamName);
            AssertNoKeyMaterial(e, key);
        }
    }

    [Fact]
    public void Two_keys_in_one_text_are_refused_rather_than_one_picked()
    {
        string both = SignatureTests.Read("test-private-key.pem") + "\n" + SignatureTests.Read("test-public-key.pem");

        ArgumentException signer = Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey(both));
        ArgumentException verifier = Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromPublicKey(both));

        Assert.StartsWith("The text holds 2 PEM keys (PRIVATE KEY, PUBLIC KEY); give exactly one.", signer.Message, StringComparison.Ordinal);
        Assert.Equal(signer.Message, verifier.Message);
        Assert.Equal("key", verifier.ParamName);
    }

    [Fact]
    public void Keys_that_are_not_rsa_or_not_keys_get_the_general_message_not_a_swap()
    {
        using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        ArgumentException ecPrivate = Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey(ec.ExportPkcs8PrivateKeyPem()));
        ArgumentException ecPublic = Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromPublicKey(Convert.ToBase64String(ec.ExportSubjectPublicKeyInfo())));
        ArgumentException certificate = Assert.Throws<ArgumentException>(
            () => AntomSignatureVerifier.FromPublicKey("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        ArgumentException garbage = Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey("AAAA"));

        Assert.StartsWith("The key is neither base64 PKCS#8 nor a PEM RSA private key", ecPrivate.Message, StringComparison.Ordinal);
        Assert.StartsWith("The key is neither base64 X.509 SubjectPublicKeyInfo nor a PEM RSA public key", ecPublic.Message, StringComparison.Ordinal);
        Assert.StartsWith("The key is neither base64 X.509 SubjectPublicKeyInfo nor a PEM RSA public key: the text has only CERTIFICATE.", certificate.Message, StringComparison.Ordinal);
        Assert.StartsWith("The key is neither base64 PKCS#8 nor a PEM RSA private key", garbage.Message, StringComparison.Ordinal);
        Assert.All([ecPrivate, ecPublic, certificate, garbage], e => Assert.Equal("key", e.ParamName));
    }

    private static string KeyIn(string form)
    {
        using RSA rsa = RSA.Create(2048);
        return form switch
        {
            "PEM PUBLIC KEY" => SignatureTests.Read("test-public-key.pem"),
            "base64 SPKI" => SignatureTests.Read("test-public-key.spki.b64"),
            "PEM RSA PUBLIC KEY" => rsa.ExportRSAPublicKeyPem(),
            "PEM PRIVATE KEY" => SignatureTests.Read("test-private-key.pem"),
            "base64 PKCS#8" => SignatureTests.Read("test-private-key.pkcs8.b64"),
            "PEM RSA PRIVATE KEY" => rsa.ExportRSAPrivateKeyPem(),
            "PEM ENCRYPTED PRIVATE KEY" => EncryptedPem(rsa),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "no such key form in this test"),
        };
    }

    private static string EncryptedPem(RSA rsa)
        => rsa.ExportEncryptedPkcs8PrivateKeyPem("test passphrase", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));

    // No 16-character run of the key's base64 may appear in the message: the message describes the key, never quotes it.
    private static void AssertNoKeyMaterial(ArgumentException e, string key)
    {
        string base64 = string.Concat(key.Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal)).Select(line => line.Trim()));
        Assert.True(base64.Length > 100, "the key text should have a body");
        for (int i = 0; i + 16 <= base64.Length; i++)
        {
            Assert.DoesNotContain(base64.Substring(i, 16), e.ToString(), StringComparison.Ordinal);
        }
    }
}
