using System;
using System.Globalization;

namespace Antom.Contracts.Signatures;

/// <summary>The <c>signature</c> header: <c>algorithm=RSA256,keyVersion=1,signature=&lt;url-encoded base64&gt;</c>.</summary>
internal static class SignatureHeader
{
    public static string Format(int keyVersion, string base64Signature)
        => "algorithm=RSA256,keyVersion=" + keyVersion.ToString(CultureInfo.InvariantCulture) + ",signature=" + Uri.EscapeDataString(base64Signature);

    /// <summary>Reads the header for its signature; see <see cref="TryParse(string?, out byte[], out string?)"/>.</summary>
    public static bool TryParse(string? header, out byte[] signature) => TryParse(header, out signature, out _);

    /// <summary>
    /// Reads the header. Spaces after commas are tolerated; the signature is URL-decoded only when it contains
    /// <c>%</c>, so a plain base64 signature keeps its <c>+</c>. Fields this library does not know (a future
    /// <c>charset=UTF-8</c>) are skipped, so Antom can add one without every verifier refusing its notifications.
    /// A known field given twice, even with the same value, or in another case (<c>Signature=</c>), makes the header
    /// ambiguous and gives <see langword="false"/>, as does anything malformed.
    /// </summary>
    /// <param name="header">The header value.</param>
    /// <param name="signature">The decoded signature bytes; empty when the header is refused.</param>
    /// <param name="keyVersion">
    /// The <c>keyVersion</c> text exactly as given (trimmed of surrounding spaces), not interpreted; <see langword="null"/>
    /// when the header has none or is refused.
    /// </param>
    public static bool TryParse(string? header, out byte[] signature, out string? keyVersion)
    {
        signature = [];
        keyVersion = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        string? algorithm = null, encoded = null, version = null;
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
                case "algorithm":
                    if (algorithm is not null)
                    {
                        return false; // repeated: which one did the sender mean?
                    }

                    algorithm = value;
                    break;
                case "signature":
                    if (encoded is not null)
                    {
                        return false;
                    }

                    encoded = value;
                    break;
                case "keyVersion":
                    if (version is not null)
                    {
                        return false;
                    }

                    version = value;
                    break;
                default:
                    if (IsKnownInAnotherCase(name))
                    {
                        return false; // "Signature=" beside "signature=" would be a second signature by another spelling
                    }

                    break; // a field we do not know yet: not ours to judge
            }
        }

        if (algorithm != "RSA256" || string.IsNullOrEmpty(encoded))
        {
            return false;
        }

        try
        {
            string base64 = encoded.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(encoded) : encoded;
            byte[] decoded = Convert.FromBase64String(base64);
            if (decoded.Length == 0)
            {
                return false;
            }

            signature = decoded;
            keyVersion = version;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsKnownInAnotherCase(string name)
        => name.Equals("algorithm", StringComparison.OrdinalIgnoreCase)
           || name.Equals("signature", StringComparison.OrdinalIgnoreCase)
           || name.Equals("keyVersion", StringComparison.OrdinalIgnoreCase);
}
