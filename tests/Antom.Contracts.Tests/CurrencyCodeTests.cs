using System;
using System.Linq;
using Xunit;

namespace Antom.Contracts.Tests;

public class CurrencyCodeTests
{
    [Theory]
    [InlineData("JPY", 0, 392, "Yen")]
    [InlineData("KRW", 0, 410, "Won")]
    [InlineData("BRL", 2, 986, "Brazilian Real")]
    [InlineData("USD", 2, 840, "US Dollar")]
    [InlineData("IDR", 2, 360, "Rupiah")]
    [InlineData("KWD", 3, 414, "Kuwaiti Dinar")]
    [InlineData("BHD", 3, 48, "Bahraini Dinar")]
    [InlineData("CLF", 4, 990, "Unidad de Fomento")]
    public void Known_codes_carry_their_ISO_exponent_number_and_name(string code, int exponent, int number, string name)
    {
        CurrencyCode c = CurrencyCode.Parse(code);

        Assert.True(c.IsKnown);
        Assert.Equal(exponent, c.MinorUnitExponent);
        Assert.Equal(number, c.NumericCode);
        Assert.Equal(name, c.Name);
        Assert.Equal(code, c.ToString());
        Assert.Equal(code, c.Code);
    }

    [Theory]
    [InlineData("XAU")]
    [InlineData("XDR")]
    [InlineData("XXX")]
    public void ISO_codes_without_a_minor_unit_are_known_but_have_no_exponent(string code)
    {
        CurrencyCode c = CurrencyCode.Parse(code);
        Assert.True(c.IsKnown);
        Assert.Null(c.MinorUnitExponent);
    }

    [Fact]
    public void A_well_formed_code_outside_the_list_is_kept_with_an_unknown_exponent()
    {
        CurrencyCode c = CurrencyCode.Parse("QQQ");

        Assert.False(c.IsKnown);
        Assert.Null(c.MinorUnitExponent);
        Assert.Null(c.NumericCode);
        Assert.Null(c.Name);
        Assert.Equal("QQQ", c.ToString());
        Assert.Equal(c, CurrencyCode.Parse("QQQ"));
    }

    [Theory]
    [InlineData("brl")]
    [InlineData("Brl")]
    [InlineData("BR")]
    [InlineData("BRLX")]
    [InlineData("")]
    [InlineData(" BRL")]
    [InlineData("B1L")]
    [InlineData("ÄRL")]
    public void Malformed_codes_are_refused(string code)
    {
        Assert.False(CurrencyCode.TryParse(code, out _));
        Assert.False(CurrencyCode.TryParse(System.Text.Encoding.UTF8.GetBytes(code), out _));
        FormatException e = Assert.Throws<FormatException>(() => CurrencyCode.Parse(code));
        Assert.Contains("3 upper-case letters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.False(CurrencyCode.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => CurrencyCode.Parse(null!));
    }

    [Fact]
    public void The_table_is_the_full_active_ISO_list_sorted_and_unique()
    {
        var codes = CurrencyCode.Known.Select(c => c.Code).ToArray();

        Assert.Equal(179, codes.Length); // ISO 4217 List One of 2024-06-25
        Assert.Equal(codes.OrderBy(c => c, StringComparer.Ordinal), codes);
        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(CurrencyCode.Known, c => Assert.True(c.IsKnown));
        Assert.Contains("ZWG", codes); // added in 2024
        Assert.Contains("SLE", codes);
        Assert.DoesNotContain("HRK", codes); // withdrawn in 2023
        Assert.Equal("2024-06-25", CurrencyCode.Iso4217PublishedOn);
    }

    [Fact]
    public void Every_known_code_round_trips_through_chars_and_utf8()
    {
        foreach (CurrencyCode c in CurrencyCode.Known)
        {
            Assert.True(CurrencyCode.TryParse(c.Code, out CurrencyCode fromChars));
            Assert.True(CurrencyCode.TryParse(System.Text.Encoding.ASCII.GetBytes(c.Code), out CurrencyCode fromBytes));
            Assert.Equal(c, fromChars);
            Assert.Equal(c, fromBytes);
            Assert.Equal(c.MinorUnitExponent, fromBytes.MinorUnitExponent);
        }
    }

    [Fact]
    public void Parsing_a_known_code_from_utf8_allocates_nothing()
    {
        ReadOnlySpan<byte> brl = "BRL"u8;
        Assert.True(CurrencyCode.TryParse(brl, out _)); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = CurrencyCode.TryParse(brl, out CurrencyCode parsed);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(ok);
        Assert.Equal("BRL", parsed.Code);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Default_holds_no_code_and_says_so()
    {
        CurrencyCode d = default;

        Assert.True(d.IsDefault);
        Assert.False(d.IsKnown);
        Assert.Equal(string.Empty, d.ToString());
        Assert.Throws<InvalidOperationException>(() => d.Code);
        Assert.NotEqual(CurrencyCode.Parse("BRL"), d);
    }

    [Fact]
    public void Equality_and_order_are_ordinal()
    {
        CurrencyCode brl = CurrencyCode.Parse("BRL"), usd = CurrencyCode.Parse("USD");

        Assert.True(brl == CurrencyCode.Parse("BRL"));
        Assert.True(brl != usd);
        Assert.True(brl < usd);
        Assert.True(usd >= brl);
        Assert.Equal(brl.GetHashCode(), CurrencyCode.Parse("BRL").GetHashCode());
    }
}
