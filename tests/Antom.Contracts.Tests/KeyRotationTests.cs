using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Antom.Contracts.Signatures;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// Antom rotating its key: the verifier holds several trusted keys; a known keyVersion picks its key, anything else
/// tries each, and a signature no trusted key verifies is refused.
/// </summary>
public class KeyRotationTests
{
    private const string Path = "/ams/api/v1/payments/capture";
    private const string Client = "TEST_CLIENT_1";
    private const string Time = "1685599933871";

    private static readonly RSA KeyA = RSA.Create(2048);
    private static readonly RSA KeyB = RSA.Create(2048);
    private static readonly RSA Stranger = RSA.Create(2048);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"result":{"resultStatus":"S"}}""");

    private static AntomSignatureVerifier Versioned() => AntomSignatureVerifier.FromVersionedPublicKeys(new Dictionary<string, string>
    {
        ["1"] = KeyA.ExportSubjectPublicKeyInfoPem(),
        ["2"] = Convert.ToBase64String(KeyB.ExportSubjectPublicKeyInfo()),
    });

    private static string Header(RSA key, string? keyVersion)
    {
        using AntomSigner signer = AntomSigner.FromPrivateKey(key.ExportPkcs8PrivateKeyPem());
        string signature = Uri.EscapeDataString(signer.Sign("POST", Path, Client, Time, Body));
        return keyVersion is null ? "algorithm=RSA256,signature=" + signature : $"algorithm=RSA256,keyVersion={keyVersion},signature={signature}";
    }

    [Theory]
    [InlineData(null)]
    [InlineData("7")]
    public void Unversioned_keys_accept_a_signature_by_either_key_whatever_keyVersion_says(string? keyVersion)
    {
        using var verifier = AntomSignatureVerifier.FromPublicKeys([KeyA.ExportSubjectPublicKeyInfoPem(), KeyB.ExportSubjectPublicKeyInfoPem()]);
        Assert.True(verifier.Verify("POST", Path, Client, Time, Header(KeyA, keyVersion), Body));
        Assert.True(verifier.Verify("POST", Path, Client, Time, Header(KeyB, keyVersion), Body));
        Assert.False(verifier.Verify("POST", Path, Client, Time, Header(Stranger, keyVersion), Body));
    }

    [Fact]
    public void A_known_keyVersion_verifies_with_its_own_key_only()
    {
        using AntomSignatureVerifier verifier = Versioned();
        Assert.True(verifier.Verify("POST", Path, Client, Time, Header(KeyA, "1"), Body));
        Assert.True(verifier.Verify("POST", Path, Client, Time, Header(KeyB, "2"), Body));

        // Signed by a trusted key, but the header names the other one: refused, not silently re-tried.
        Assert.False(verifier.Verify("POST", Path, Client, Time, Header(KeyA, "2"), Body));
        Assert.False(verifier.Verify("POST", Path, Client, Time, Header(KeyB, "1"), Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3")]
    public void An_unknown_or_missing_keyVersion_tries_every_trusted_key(string? keyVersion)
    {
        using AntomSignatureVerifier verifier = Versioned();
        Assert.True(verifier.Verify("POST", Path, Client, Time, Header(KeyA, keyVersion), Body));
        Assert.True(verifier.Verify("POST", Path, Client, Time, Header(KeyB, keyVersion), Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("3")]
    public void A_signature_no_trusted_key_verifies_is_refused(string? keyVersion)
    {
        using AntomSignatureVerifier verifier = Versioned();
        Assert.False(verifier.Verify("POST", Path, Client, Time, Header(Stranger, keyVersion), Body));
        Assert.False(verifier.VerifyResponse("POST", Path, Client, Time, Header(Stranger, keyVersion), Body));
    }

    [Fact]
    public void The_single_key_api_still_verifies_its_key()
    {
        using var verifier = AntomSignatureVerifier.FromPublicKey(KeyA.ExportSubjectPublicKeyInfoPem());
        Assert.True(verifier.Verify("POST", Path, Client, Time, Header(KeyA, "1"), Body));
        Assert.True(verifier.Verify("POST", Path, Client, Time, Header(KeyA, "9"), Body));
        Assert.False(verifier.Verify("POST", Path, Client, Time, Header(KeyB, "1"), Body));
    }

    [Fact]
    public void Loading_refuses_no_keys_and_names_a_bad_key_by_its_place()
    {
        Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromPublicKeys([]));
        Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromVersionedPublicKeys(new Dictionary<string, string>()));
        var bad = Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromPublicKeys([KeyA.ExportSubjectPublicKeyInfoPem(), "not a key"]));
        Assert.Equal("keys[1]", bad.ParamName);
        var blank = Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromVersionedPublicKeys(new Dictionary<string, string> { [" "] = KeyA.ExportSubjectPublicKeyInfoPem() }));
        Assert.Equal("keysByVersion", blank.ParamName);
    }
}
