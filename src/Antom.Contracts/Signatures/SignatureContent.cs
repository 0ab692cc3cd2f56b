using System;
using System.Text;

namespace Antom.Contracts.Signatures;

/// <summary>
/// The exact bytes Antom signs: <c>"&lt;METHOD&gt; &lt;path&gt;\n&lt;client-id&gt;.&lt;time&gt;.&lt;raw body&gt;"</c>, the body byte for byte
/// as it went over the wire.
/// </summary>
internal static class SignatureContent
{
    public static byte[] Build(string method, string path, string clientId, string time, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(time);
        if (path.Contains("://", StringComparison.Ordinal) || !path.StartsWith('/'))
        {
            throw new ArgumentException($"\"{path}\" is not a request path: Antom signs the path alone, without scheme or host (\"/ams/api/v1/payments/capture\").", nameof(path));
        }

        string head = method + " " + path + "\n" + clientId + "." + time + ".";
        int headLength = Encoding.UTF8.GetByteCount(head);
        byte[] content = new byte[headLength + body.Length];
        Encoding.UTF8.GetBytes(head, content);
        body.CopyTo(content.AsSpan(headLength));
        return content;
    }
}
