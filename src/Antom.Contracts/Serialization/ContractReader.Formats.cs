using System;
using System.Globalization;

namespace Antom.Contracts.Serialization;

/// <content>The string <c>format</c>s that are checked: <c>date</c>, <c>uuid</c>, <c>uri</c>.</content>
public static partial class ContractReader
{
    /// <summary>
    /// A string that has its schema's <c>format</c>: <c>date</c> is an RFC 3339 full-date that exists (<c>2026-02-30</c>
    /// does not), <c>uuid</c> the hyphenated 8-4-4-4-12 hexadecimal form, <c>uri</c> an absolute URI (with a scheme, and
    /// only the characters RFC 3986 allows).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not one of these (a generator bug).</exception>
    public static string CheckFormat(string value, string? propertyName, string format)
    {
        ArgumentNullException.ThrowIfNull(value);
        (bool ok, string meaning) = format switch
        {
            "date" => (DateOnly.TryParseExact(value, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "an RFC 3339 date (yyyy-MM-dd) that exists"),
            "uuid" => (value.Length == 36 && Guid.TryParseExact(value, "D", out _), "a UUID in its 8-4-4-4-12 hexadecimal form"),
            "uri" => (HasScheme(value) && HasOnlyUriCharacters(value) && Uri.TryCreate(value, UriKind.Absolute, out _), "an absolute URI"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a checked format"),
        };
        return ok ? value : throw AntomPayloadException.BadFormat(PathOf(propertyName), value, meaning);
    }

    // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". Checked on the text itself, because .NET
    // reads "/relative/path" as an absolute file URI on Unix.
    private static bool HasScheme(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (int i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 3986, section 2: a URI is unreserved and reserved characters and percent-encoded octets. .NET's Uri also
    // takes spaces, backslashes (c:\windows), quotes, braces, a lone '%' and non-ASCII text, which are not URIs.
    private static bool HasOnlyUriCharacters(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && UriPunctuation.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    // unreserved "-._~", gen-delims ":/?#[]@", sub-delims "!$&'()*+,;=".
    private const string UriPunctuation = "-._~:/?#[]@!$&'()*+,;=";
}
