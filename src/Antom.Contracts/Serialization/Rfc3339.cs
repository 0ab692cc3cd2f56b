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

        int century = Two(s, 0), yearOfCentury = Two(s, 2), month = Two(s, 5), day = Two(s, 8);
        int hour = Two(s, 11), minute = Two(s, 14), second = Two(s, 17);
        if ((century | yearOfCentury | month | day | hour | minute | second) < 0)
        {
            return false; // a non-digit
        }

        int year = (century * 100) + yearOfCentury;

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
            int oh = s.Length - i == 6 ? Two(s, i + 1) : -1, om = s.Length - i == 6 ? Two(s, i + 4) : -1;
            if (oh < 0 || om < 0 || s[i + 3] != ':' || om > 59)
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

        // The ticks of the local date and time, computed directly (the date is already known to be valid).
        int y = year - 1;
        long days = (y * 365L) + (y / 4) - (y / 100) + (y / 400) + DaysBeforeMonth[month - 1] + day - 1
            + (month > 2 && DateTime.IsLeapYear(year) ? 1 : 0);
        long localTicks = (days * TimeSpan.TicksPerDay) + ((((hour * 60L) + minute) * 60L) + second) * TimeSpan.TicksPerSecond + fractionTicks;
        long offsetTicks = offsetMinutes * TimeSpan.TicksPerMinute;
        long utcTicks = localTicks - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(localTicks, new TimeSpan(offsetTicks));
        return true;
    }

    private static ReadOnlySpan<int> DaysBeforeMonth => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    // Two ASCII digits at i as a number, or -1 when either is not a digit.
    private static int Two(ReadOnlySpan<byte> s, int i)
    {
        uint tens = (uint)(s[i] - '0'), ones = (uint)(s[i + 1] - '0');
        return tens > 9 || ones > 9 ? -1 : (int)((tens * 10) + ones);
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
