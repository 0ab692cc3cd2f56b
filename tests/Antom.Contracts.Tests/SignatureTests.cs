using System;
using System.IO;
using System.Text;
using Antom.Contracts.Signatures;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// Known-answer tests against fixtures made with the openssl command line (Fixtures/Signatures/make-fixtures.sh):
/// a throwaway test key pair, the exact content strings, and `openssl dgst -sha256 -sign` signatures.
/// </summary>
public class SignatureTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Signatures");

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // name, method, path, client id, time
        { "capture", "POST", "/ams/api/v1/payments/capture", "TEST_CLIENT_1", "1685599933871" },
        { "sandbox", "POST", "/ams/sandbox/api/v1/payments/capture", "SANDBOX_TEST_CLIENT", "2026-09-01T07:13:50-07:00" },
        { "notify", "POST", "/antom/notify", "TEST_CLIENT_1", "1685599999999" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_signer_reproduces_openssl_byte_for_byte_from_both_key_forms(string name, string method, string path, string client, string time)
    {
        byte[] body = Body(name);
        string expected = Read(name + ".signature.b64");

        using AntomSigner fromPem = AntomSigner.FromPrivateKey(Read("test-private-key.pem"));
        using AntomSigner fromPkcs8 = AntomSigner.FromPrivateKey(Read("test-private-key.pkcs8.b64"));

        Assert.Equal(expected, fromPem.Sign(method, path, client, time, body));
        Assert.Equal(expected, fromPkcs8.Sign(method, path, client, time, body));
        Assert.Equal("algorithm=RSA256,keyVersion=1,signature=" + Uri.EscapeDataString(expected), fromPem.CreateSignatureHeader(method, path, client, time, body));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_verifier_accepts_openssl_signatures_url_encoded_plain_and_spaced(string name, string method, string path, string client, string time)
    {
        byte[] body = Body(name);
        string signature = Read(name + ".signature.b64");
        Assert.Contains('+', signature); // the fixture exercises the '+'-survives-decoding rule

        using AntomSignatureVerifier fromPem = AntomSignatureVerifier.FromPublicKey(Read("test-public-key.pem"));
        using AntomSignatureVerifier fromSpki = AntomSignatureVerifier.FromPublicKey(Read("test-public-key.spki.b64"));

        Assert.True(fromPem.Verify(method, path, client, time, "algorithm=RSA256,keyVersion=1,signature=" + Uri.EscapeDataString(signature), body));
        Assert.True(fromSpki.Verify(method, path, client, time, "algorithm=RSA256,keyVersion=1,signature=" + signature, body));
        Assert.True(fromPem.Verify(method, path, client, time, "algorithm=RSA256, keyVersion=1, signature=" + signature, body));
    }

    [Fact]
    public void The_verifier_rejects_any_change()
    {
        byte[] body = Body("capture");
        string header = "algorithm=RSA256,keyVersion=1,signature=" + Uri.EscapeDataString(Read("capture.signature.b64"));
        using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(Read("test-public-key.pem"));
        using AntomSignatureVerifier other = AntomSignatureVerifier.FromPublicKey(Read("other-public-key.pem"));

        Assert.True(verifier.Verify("POST", "/ams/api/v1/payments/capture", "TEST_CLIENT_1", "1685599933871", header, body));

        byte[] tampered = (byte[])body.Clone();
        tampered[^3] ^= 1;
        Assert.False(verifier.Verify("POST", "/ams/api/v1/payments/capture", "TEST_CLIENT_1", "1685599933871", header, tampered));
        Assert.False(verifier.Verify("POST", "/ams/api/v1/payments/captur3", "TEST_CLIENT_1", "1685599933871", header, body));
        Assert.False(verifier.Verify("POST", "/ams/api/v1/payments/capture", "TEST_CLIENT_2", "1685599933871", header, body));
        Assert.False(verifier.Verify("POST", "/ams/api/v1/payments/capture", "TEST_CLIENT_1", "1685599933872", header, body));
        Assert.False(verifier.Verify("GET", "/ams/api/v1/payments/capture", "TEST_CLIENT_1", "1685599933871", header, body));
        Assert.False(other.Verify("POST", "/ams/api/v1/payments/capture", "TEST_CLIENT_1", "1685599933871", header, body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("algorithm=RSA256,keyVersion=1")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature=")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature=%%%")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature=not base64!")]
    [InlineData("algorithm=RSA1,keyVersion=1,signature={0}")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature={0},signature={0}")]
    [InlineData("algorithm=RSA256,keyVersion=1,signature={1}")]
    [InlineData("keyVersion=1,signature={0}")]
    public void Malformed_truncated_or_wrong_algorithm_headers_are_false_not_exceptions(string template)
    {
        string signature = Read("capture.signature.b64");
        string header = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(signature), signature[..40]);
        using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(Read("test-public-key.pem"));

        Assert.False(verifier.Verify("POST", "/ams/api/v1/payments/capture", "TEST_CLIENT_1", "1685599933871", header, Body("capture")));
    }

    [Fact]
    public void A_blind_url_decode_of_a_plain_signature_would_break_it_and_is_not_done()
    {
        string plain = Read("capture.signature.b64");
        Assert.NotEqual(plain, System.Net.WebUtility.UrlDecode(plain)); // '+' would become ' '
        using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(Read("test-public-key.pem"));
        Assert.True(verifier.Verify("POST", "/ams/api/v1/payments/capture", "TEST_CLIENT_1", "1685599933871", "algorithm=RSA256,keyVersion=1,signature=" + plain, Body("capture")));
    }

    [Fact]
    public void Sandbox_paths_are_explicit_and_a_mismatch_is_refused_not_rewritten()
    {
        Assert.Equal("/ams/sandbox/api/v1/payments/capture", AntomApiPath.For("SANDBOX_X", AntomApiPath.Capture));
        Assert.Equal("/ams/api/v1/payments/capture", AntomApiPath.For("LIVE_X", AntomApiPath.Capture));
        using AntomSigner signer = AntomSigner.FromPrivateKey(Read("test-private-key.pem"));
        Assert.Throws<ArgumentException>(() => signer.CreateSignatureHeader("POST", AntomApiPath.Capture, "SANDBOX_X", "1", "{}"u8));
        Assert.Throws<ArgumentException>(() => signer.CreateSignatureHeader("POST", "/ams/sandbox/api/v1/payments/capture", "LIVE_X", "1", "{}"u8));
        Assert.Throws<ArgumentException>(() => signer.CreateSignatureHeader("POST", "https://open-sea-global.alipay.com/ams/api/v1/payments/capture", "LIVE_X", "1", "{}"u8));
    }

    [Fact]
    public void Keys_in_the_wrong_form_are_refused_clearly()
    {
        Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey("not a key"));
        Assert.Throws<ArgumentException>(() => AntomSigner.FromPrivateKey(Read("test-public-key.spki.b64")));
        Assert.Throws<ArgumentException>(() => AntomSignatureVerifier.FromPublicKey("AAAA"));
    }

    [Fact]
    public void Unsigned_responses_follow_the_policy_and_an_unsigned_success_is_refused_by_default()
    {
        using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(Read("test-public-key.pem"));
        byte[] success = Encoding.UTF8.GetBytes("""{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}""");
        byte[] failure = Encoding.UTF8.GetBytes("""{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"F"}}""");
        byte[] unknown = Encoding.UTF8.GetBytes("""{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U"}}""");

        Assert.False(verifier.VerifyResponse("POST", AntomApiPath.Capture, "TEST_CLIENT_1", null, null, success));
        Assert.False(verifier.VerifyResponse("POST", AntomApiPath.Capture, "TEST_CLIENT_1", null, null, "not json"u8));
        Assert.True(verifier.VerifyResponse("POST", AntomApiPath.Capture, "TEST_CLIENT_1", null, null, failure));
        Assert.True(verifier.VerifyResponse("POST", AntomApiPath.Capture, "TEST_CLIENT_1", null, null, unknown));

        using AntomSignatureVerifier strict = AntomSignatureVerifier.FromPublicKey(Read("test-public-key.pem"));
        using AntomSignatureVerifier rejectAll = AntomSignatureVerifier.FromPublicKey(Read("test-public-key.pem"), UnsignedResponsePolicy.RejectAllUnsigned);
        Assert.Equal(UnsignedResponsePolicy.RejectUnsignedSuccess, strict.UnsignedResponses);
        Assert.False(rejectAll.VerifyResponse("POST", AntomApiPath.Capture, "TEST_CLIENT_1", null, null, failure));

        // A signed response is verified with its response-time.
        string header = "algorithm=RSA256,keyVersion=1,signature=" + Read("capture.signature.b64");
        Assert.True(strict.VerifyResponse("POST", AntomApiPath.Capture, "TEST_CLIENT_1", "1685599933871", header, Body("capture")));
        Assert.False(strict.VerifyResponse("POST", AntomApiPath.Capture, "TEST_CLIENT_1", "1685599933870", header, Body("capture")));
    }

    internal static string Read(string file) => File.ReadAllText(Path.Combine(Dir, file));

    // The body is what follows "<method> <path>\n<client>.<time>." in the content file.
    internal static byte[] Body(string name)
    {
        byte[] content = File.ReadAllBytes(Path.Combine(Dir, name + ".content.txt"));
        int newline = Array.IndexOf(content, (byte)'\n');
        int dots = 0, i = newline + 1;
        while (dots < 2)
        {
            if (content[i++] == (byte)'.')
            {
                dots++;
            }
        }

        return content[i..];
    }
}
