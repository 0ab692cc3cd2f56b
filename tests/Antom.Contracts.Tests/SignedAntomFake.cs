using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Signatures;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// An in-process fake of Antom behind an <see cref="HttpMessageHandler"/>, as <see cref="AntomClientTests"/> uses: it
/// checks the merchant's signature over the exact bytes that arrived, records every request that reached it, and signs
/// its answers with a key of its own (the client verifies with its public half). Faults are injected by the answer
/// function: a status, an exception, a delay, a stream that breaks or never ends.
/// </summary>
internal sealed class SignedAntomFake : IDisposable
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Signatures");
    // One key for every fake: making a 2048-bit key costs more than most of these tests. Signing takes the lock.
    private static readonly RSA AntomKey = RSA.Create(2048);
    private readonly List<(string Path, byte[] Body)> _requests = [];
    private readonly List<HttpClient> _https = [];
    private string _clientId = "TEST_CLIENT_1";

    /// <summary>Every request that reached the fake, in order: its path and body.</summary>
    public IReadOnlyList<(string Path, byte[] Body)> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public static string Now => At(DateTimeOffset.UtcNow);

    private static string AntomPublicKeyPem
    {
        get
        {
            lock (AntomKey)
            {
                return AntomKey.ExportSubjectPublicKeyInfoPem();
            }
        }
    }

    public static string At(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (HttpClient http in _https)
        {
            http.Dispose();
        }
    }

    public AntomClient Client(Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> answer, string clientId = "TEST_CLIENT_1", int maxResponseBytes = AntomClientOptions.DefaultMaxResponseBytes, TimeSpan? callTimeout = null, ILogger? logger = null)
        => Client((r, ct) => Task.FromResult(answer(r, ct)), clientId, maxResponseBytes, callTimeout, logger);

    public AntomClient Client(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer, string clientId = "TEST_CLIENT_1", int maxResponseBytes = AntomClientOptions.DefaultMaxResponseBytes, TimeSpan? callTimeout = null, ILogger? logger = null)
    {
        _clientId = clientId;
        var merchant = AntomSignatureVerifier.FromPublicKey(File.ReadAllText(Path.Combine(Dir, "test-public-key.pem")));
        var handler = new Handler(async (request, ct) =>
        {
            // What real Antom checks: the merchant's signature over the exact bytes that arrived.
            byte[] body = await request.Content!.ReadAsByteArrayAsync(ct);
            string path = request.RequestUri!.AbsolutePath;
            lock (_requests)
            {
                _requests.Add((path, body));
            }

            string sig = request.Headers.GetValues("signature").Single();
            string time = request.Headers.GetValues("request-time").Single();
            Assert.Equal(clientId, request.Headers.GetValues("client-id").Single());
            Assert.True(merchant.Verify("POST", path, clientId, time, sig, body), "the merchant's signature did not verify");
            return await answer(request, ct);
        });
        var http = new HttpClient(handler);
        _https.Add(http);
        return new AntomClient(http, new AntomClientOptions
        {
            Endpoint = new Uri("http://antom.test"),
            ClientId = clientId,
            Signer = AntomSigner.FromPrivateKey(File.ReadAllText(Path.Combine(Dir, "test-private-key.pem"))),
            Verifier = AntomSignatureVerifier.FromPublicKey(AntomPublicKeyPem),
            MaxResponseBytes = maxResponseBytes,
            Timeout = callTimeout ?? TimeSpan.FromSeconds(30),
            Logger = logger,
        });
    }

    /// <summary>A 200 answer carrying <paramref name="json"/>, signed by Antom's key for the path last called unless told otherwise.</summary>
    public HttpResponseMessage Answer(string json, bool sign = true, bool tamper = false, string? responseTime = null)
    {
        var message = new HttpResponseMessage(HttpStatusCode.OK);
        byte[] body = Encoding.UTF8.GetBytes(json);
        if (sign)
        {
            responseTime ??= Now;
            byte[] content = Encoding.UTF8.GetBytes("POST " + Requests[^1].Path + "\n" + _clientId + "." + responseTime + ".").Concat(body).ToArray();
            string signature;
            lock (AntomKey)
            {
                signature = Convert.ToBase64String(AntomKey.SignData(content, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }

            message.Headers.Add("response-time", responseTime);
            message.Headers.Add("signature", "algorithm=RSA256,keyVersion=1,signature=" + Uri.EscapeDataString(signature));
        }

        if (tamper)
        {
            // One byte changed after signing, as a proxy that rewrites bodies would.
            body = Encoding.UTF8.GetBytes(json.Replace("\"resultStatus\":\"", "\"resultStatus\" :\"", StringComparison.Ordinal));
        }

        message.Content = new ByteArrayContent(body);
        return message;
    }

    private sealed class Handler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }

    /// <summary>An endless-looking answer that counts what was read from it, and whether it was disposed.</summary>
    internal sealed class CountingStream(long length) : Stream
    {
        public long Served { get; private set; }

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - Served);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            Served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>A body that breaks off after some bytes, as a dropped connection does.</summary>
    internal sealed class FailingStream(int failAfter) : Stream
    {
        private int _served;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_served >= failAfter)
            {
                throw new IOException("The response ended prematurely.");
            }

            int n = Math.Min(count, failAfter - _served);
            buffer.AsSpan(offset, n).Fill((byte)'{');
            _served += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
