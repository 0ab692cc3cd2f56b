using System;
using System.Globalization;

namespace Antom.Contracts.Signatures;

/// <summary>The <c>signature</c> header: <c>algorithm=RSA256,keyVersion=1,signature=&lt;url-encoded base64&gt;</c>.</summary>
internal static class SignatureHeader
{
    public static string Format(int keyVersion, string base64Signature)
        => "algorithm=RSA256,keyVersion=" + keyVersion.ToString(CultureInfo.InvariantCulture) + ",signature=" + Uri.EscapeDataString(base64Signature);

    /// <summary>
    /// Reads the header. Spaces after commas are tolerated; the signature is URL-decoded only when it contains
    /// <c>%</c>, so a plain base64 signature keeps its <c>+</c>. Anything malformed gives <see langword="false"/>.
    /// </summary>
    public static bool TryParse(string? header, out byte[] signature)
    {
        signature = [];
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        string? algorithm = null, encoded = null;
        foreach (string part in header.Split(','))
        {
            string item = part.Trim();
            int equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            string name = item[..equals].Trim();
            string value = item[(equals + 1)..].Trim();
            switch (name)
            {
                case "algorithm" when algorithm is null:
                    algorithm = value;
                    break;
                case "signature" when encoded is null:
                    encoded = value;
                    break;
                case "keyVersion":
                    break;
                default:
                    return false; // an unknown or repeated field: not a header we can trust
            }
        }

        if (algorithm != "RSA256" || string.IsNullOrEmpty(encoded))
        {
            return false;
        }

        try
        {
            string base64 = encoded.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(encoded) : encoded;
            signature = Convert.FromBase64String(base64);
            return signature.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
