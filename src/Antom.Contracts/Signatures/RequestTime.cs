using System;
using System.Globalization;

namespace Antom.Contracts.Signatures;

/// <summary>Reads the <c>request-time</c> / <c>response-time</c> headers, which Antom and its SDKs send as epoch milliseconds or ISO 8601.</summary>
internal static class RequestTime
{
    /// <summary>The time the header says, or false when it is neither form.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        bool digits = true;
        foreach (char c in text)
        {
            digits &= char.IsAsciiDigit(c);
        }

        if (digits)
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long ms)
                && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                return true;
            }

            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    /// <summary>Whether the header's time is within <paramref name="tolerance"/> of <paramref name="now"/>, either way.</summary>
    public static bool IsWithin(string? text, TimeSpan tolerance, DateTimeOffset now)
        => TryParse(text, out DateTimeOffset time) && (now - time).Duration() <= tolerance;
}
