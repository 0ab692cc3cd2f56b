using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Antom.Contracts;

/// <summary>
/// An ISO 4217 alphabetic currency code: exactly three upper-case ASCII letters, as Antom's <c>currency</c> field carries it.
/// </summary>
/// <remarks>
/// <para>
/// Every code of the active ISO 4217 list (List One) is known, with its minor-unit exponent
/// (2 for <c>BRL</c>, 0 for <c>JPY</c>, 3 for <c>KWD</c>). A well-formed code that is not in the list is kept as it is:
/// its exponent is unknown, so conversions to and from major units refuse it, while minor units still work.
/// </para>
/// <para>
/// <c>default(CurrencyCode)</c> holds no code. It is never produced by parsing; using it where a currency is needed throws.
/// </para>
/// </remarks>
public readonly partial struct CurrencyCode : IEquatable<CurrencyCode>, IComparable<CurrencyCode>
{
    private const int NoExponent = -1;

    // The code itself: the table's own string for known codes, so parsing a known code allocates nothing.
    private readonly string? _code;

    // 1-based index into Table for a known code; 0 for a well-formed code outside the list (and for default).
    private readonly int _tableIndex;

    private CurrencyCode(string code, int tableIndex)
    {
        _code = code;
        _tableIndex = tableIndex;
    }

    /// <summary>The code, or null for <c>default</c> (for <see cref="Money"/>'s packed form).</summary>
    internal string? CodeOrNull => _code;

    /// <summary>The 1-based table index, 0 for a code outside the table (for <see cref="Money"/>'s packed form).</summary>
    internal int TableIndex => _tableIndex;

    /// <summary>A code from <see cref="CodeOrNull"/> and <see cref="TableIndex"/>.</summary>
    internal static CurrencyCode FromParts(string? code, int tableIndex) => new(code!, tableIndex);

    /// <summary>The three-letter code, e.g. <c>BRL</c>.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(CurrencyCode)</c>, which holds no code.</exception>
    public string Code => _code ?? throw new InvalidOperationException("default(CurrencyCode) holds no currency code.");

    /// <summary><see langword="true"/> for <c>default(CurrencyCode)</c>, which holds no code.</summary>
    public bool IsDefault => _code is null;

    /// <summary><see langword="true"/> when the code is in the ISO 4217 list this library was built with.</summary>
    public bool IsKnown => _tableIndex != 0;

    /// <summary>
    /// The number of decimal places of the currency's minor unit (2 for <c>BRL</c>, 0 for <c>JPY</c>, 3 for <c>KWD</c>),
    /// or <see langword="null"/> when it is not known: a code outside the list, or one for which ISO says "N.A." (such as <c>XAU</c>).
    /// </summary>
    public int? MinorUnitExponent
    {
        get
        {
            if (_tableIndex == 0)
            {
                return null;
            }

            int exponent = Table[_tableIndex - 1].Exponent;
            return exponent == NoExponent ? null : exponent;
        }
    }

    /// <summary>The ISO 4217 numeric code (986 for <c>BRL</c>), or <see langword="null"/> for a code outside the list.</summary>
    public int? NumericCode => _tableIndex == 0 ? null : Table[_tableIndex - 1].Number;

    /// <summary>The ISO 4217 currency name ("Brazilian Real"), or <see langword="null"/> for a code outside the list.</summary>
    public string? Name => _tableIndex == 0 ? null : Table[_tableIndex - 1].Name;

    /// <summary>Every code of the ISO 4217 list this library was built with, in ordinal order.</summary>
    public static IReadOnlyList<CurrencyCode> Known => KnownCodes.All;

    /// <summary>Parses a three-letter upper-case code.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="code"/> is not exactly three upper-case ASCII letters.</exception>
    public static CurrencyCode Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryParse(code.AsSpan(), out CurrencyCode result))
        {
            return result;
        }

        throw new FormatException($"\"{code}\" is not an ISO 4217 currency code (exactly 3 upper-case letters A-Z).");
    }

    /// <summary>Parses a three-letter upper-case code; <see langword="false"/> for anything else, including null.</summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out CurrencyCode result)
    {
        if (code is null)
        {
            result = default;
            return false;
        }

        return TryParse(code.AsSpan(), out result);
    }

    /// <summary>Parses a three-letter upper-case code from characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out CurrencyCode result)
    {
        if (code.Length != 3 || !IsUpperAscii(code[0]) || !IsUpperAscii(code[1]) || !IsUpperAscii(code[2]))
        {
            result = default;
            return false;
        }

        int index = Find(code[0], code[1], code[2]);
        result = index >= 0 ? new CurrencyCode(Table[index].Code, index + 1) : new CurrencyCode(code.ToString(), 0);
        return true;
    }

    /// <summary>
    /// Parses a three-letter upper-case code from UTF-8 bytes, as found in a JSON payload.
    /// A known code allocates nothing.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Code, out CurrencyCode result)
    {
        if (utf8Code.Length != 3 || !IsUpperAscii((char)utf8Code[0]) || !IsUpperAscii((char)utf8Code[1]) || !IsUpperAscii((char)utf8Code[2]))
        {
            result = default;
            return false;
        }

        char a = (char)utf8Code[0], b = (char)utf8Code[1], c = (char)utf8Code[2];
        int index = Find(a, b, c);
        result = index >= 0 ? new CurrencyCode(Table[index].Code, index + 1) : new CurrencyCode(new string([a, b, c]), 0);
        return true;
    }

    /// <summary>The three-letter code, or the empty string for <c>default(CurrencyCode)</c>.</summary>
    public override string ToString() => _code ?? string.Empty;

    /// <inheritdoc/>
    public bool Equals(CurrencyCode other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CurrencyCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    /// <summary>Orders codes ordinally (<c>default</c> first).</summary>
    public int CompareTo(CurrencyCode other) => string.CompareOrdinal(_code, other._code);

    /// <summary>Ordinal equality of the codes.</summary>
    public static bool operator ==(CurrencyCode left, CurrencyCode right) => left.Equals(right);

    /// <summary>Ordinal inequality of the codes.</summary>
    public static bool operator !=(CurrencyCode left, CurrencyCode right) => !left.Equals(right);

    /// <summary>Ordinal ordering of the codes.</summary>
    public static bool operator <(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal ordering of the codes.</summary>
    public static bool operator <=(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal ordering of the codes.</summary>
    public static bool operator >(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal ordering of the codes.</summary>
    public static bool operator >=(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) >= 0;

    /// <summary>The exponent, or an exception that says why there is none.</summary>
    internal int RequireExponent(string operation)
    {
        if (_code is null)
        {
            throw new InvalidOperationException($"{operation} needs a currency, and default(CurrencyCode) holds none.");
        }

        return MinorUnitExponent ?? throw new InvalidOperationException(
            IsKnown
                ? $"{operation} is not possible for {_code}: ISO 4217 defines no minor unit for it (\"N.A.\"). Use minor units."
                : $"{operation} is not possible for {_code}: it is not in the ISO 4217 list of {Iso4217PublishedOn}, so its minor-unit exponent is unknown. Use minor units.");
    }

    private static bool IsUpperAscii(char c) => c is >= 'A' and <= 'Z';

    private static int Find(char a, char b, char c)
    {
        int lo = 0, hi = Table.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            string candidate = Table[mid].Code;
            int cmp = candidate[0] - a;
            if (cmp == 0)
            {
                cmp = candidate[1] - b;
                if (cmp == 0)
                {
                    cmp = candidate[2] - c;
                }
            }

            if (cmp == 0)
            {
                return mid;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    // A nested holder: static initializers of a partial type's parts run in no guaranteed order,
    // so nothing in this part may be initialized from Table, which lives in the generated part.
    private static class KnownCodes
    {
        internal static readonly IReadOnlyList<CurrencyCode> All = Array.AsReadOnly(Build());

        private static CurrencyCode[] Build()
        {
            var known = new CurrencyCode[Table.Length];
            for (int i = 0; i < Table.Length; i++)
            {
                known[i] = new CurrencyCode(Table[i].Code, i + 1);
            }

            return known;
        }
    }

    private readonly record struct CurrencyInfo(string Code, int Number, int Exponent, string Name);
}
