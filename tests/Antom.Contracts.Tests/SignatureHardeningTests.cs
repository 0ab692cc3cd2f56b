using System;
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
