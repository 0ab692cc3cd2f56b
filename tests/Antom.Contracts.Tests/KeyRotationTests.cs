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

    public static TheoryData<string, string?, bool> VersionedCases => new()
    {
        // who signed, the header's keyVersion, accepted
        { "A", "1", true },
        { "B", "2", true },
        { "A", "2", false }, // a trusted key, but the header names the other one: refused, not silently re-tried
        { "B", "1", false },
        { "A", null, true }, // no keyVersion: every trusted key is tried
        { "B", null, true },
        { "A", "3", true }, // a version not configured: every trusted key is tried
        { "B", "3", true },
        { "stranger", null, false }, // no trusted key verifies it
        { "stranger", "1", false },
        { "stranger", "3", false },
    };

    [Theory]
    [MemberData(nameof(VersionedCases))]
    public void A_known_keyVersion_picks_its_key_and_any_other_tries_each_trusted_key(string signer, string? keyVersion, bool accepted)
    {
        using AntomSignatureVerifier verifier = Versioned();
        string header = Header(signer switch { "A" => KeyA, "B" => KeyB, _ => Stranger }, keyVersion);
        Assert.Equal(accepted, verifier.Verify("POST", Path, Client, Time, header, Body));
        Assert.Equal(accepted, verifier.VerifyResponse("POST", Path, Client, Time, header, Body));
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
