using System;

namespace Antom.Contracts.Serialization;

/// <summary>
/// RFC 3339 date-times as Antom sends them: <c>2022-09-29T07:13:50-07:00</c>, optionally with a fraction of a second,
/// with <c>Z</c> or a numeric offset. Strict: no missing offset, no date-only form, no impossible date or time.
/// </summary>
internal static class Rfc3339
{
    /// <summary>The longest text written: date, time, 7 fraction digits, offset.</summary>
    public const int MaxFormattedLength = 33;

    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;

        // yyyy-MM-ddTHH:mm:ss
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] | 0x20) != 't' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!TryDigits(s, 0, 4, out int year) || !TryDigits(s, 5, 2, out int month) || !TryDigits(s, 8, 2, out int day)
            || !TryDigits(s, 11, 2, out int hour) || !TryDigits(s, 14, 2, out int minute) || !TryDigits(s, 17, 2, out int second))
        {
            return false;
        }

        int i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            i++;
            int start = i;
            long scale = TimeSpan.TicksPerSecond / 10;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                fractionTicks += (s[i] - '0') * scale; // digits past the 7th (100 ns) add nothing
                scale /= 10;
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= s.Length)
        {
            return false;
        }

        int offsetMinutes;
        if ((s[i] | 0x20) == 'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] is (byte)'+' or (byte)'-')
        {
            if (s.Length - i != 6 || s[i + 3] != ':' || !TryDigits(s, i + 1, 2, out int oh) || !TryDigits(s, i + 4, 2, out int om) || om > 59)
            {
                return false;
            }

            offsetMinutes = (oh * 60) + om;
            if (s[i] == '-')
            {
                offsetMinutes = -offsetMinutes;
            }

            i += 6;
        }
        else
        {
            return false;
        }

        if (i != s.Length || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || offsetMinutes is < -14 * 60 or > 14 * 60)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        long utcTicks = local.Ticks + fractionTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local.Ticks + fractionTicks, offset);
        return true;
    }

    /// <summary>
    /// Writes <c>yyyy-MM-ddTHH:mm:ss</c>, the fraction only when it is not zero (trailing zeros trimmed), and the offset
    /// (<c>Z</c> for zero).
    /// </summary>
    public static int Format(DateTimeOffset value, Span<byte> destination)
    {
        DateTime local = value.DateTime;

        // The date in one conversion from ticks (Year, Month and Day would each repeat it), the time by division.
        local.Deconstruct(out int year, out int month, out int day);
        int secondOfDay = (int)(local.TimeOfDay.Ticks / TimeSpan.TicksPerSecond);
        int i = 0;
        Write(destination, ref i, year, 4);
        destination[i++] = (byte)'-';
        Write(destination, ref i, month, 2);
        destination[i++] = (byte)'-';
        Write(destination, ref i, day, 2);
        destination[i++] = (byte)'T';
        Write(destination, ref i, secondOfDay / 3600, 2);
        destination[i++] = (byte)':';
        Write(destination, ref i, secondOfDay / 60 % 60, 2);
        destination[i++] = (byte)':';
        Write(destination, ref i, secondOfDay % 60, 2);

        int fraction = (int)(local.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            int digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            destination[i++] = (byte)'.';
            Write(destination, ref i, fraction, digits);
        }

        int offset = (int)(value.Offset.Ticks / TimeSpan.TicksPerMinute);
        if (offset == 0)
        {
            destination[i++] = (byte)'Z';
        }
        else
        {
            destination[i++] = offset < 0 ? (byte)'-' : (byte)'+';
            offset = Math.Abs(offset);
            Write(destination, ref i, offset / 60, 2);
            destination[i++] = (byte)':';
            Write(destination, ref i, offset % 60, 2);
        }

        return i;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (int k = start; k < start + count; k++)
        {
            uint d = (uint)(s[k] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }

    private static void Write(Span<byte> destination, ref int i, int value, int digits)
    {
        for (int k = digits - 1; k >= 0; k--)
        {
            destination[i + k] = (byte)('0' + (value % 10));
            value /= 10;
        }

        i += digits;
    }
}
