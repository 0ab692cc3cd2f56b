using System;
using Xunit;

namespace Antom.Contracts.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("JPY", 1000L, "1000", "JPY 1000")]
    [InlineData("BRL", 110L, "1.10", "BRL 1.10")]
    [InlineData("BRL", 5L, "0.05", "BRL 0.05")]
    [InlineData("KWD", 1234L, "1.234", "KWD 1.234")]
    [InlineData("KWD", 0L, "0.000", "KWD 0.000")]
    [InlineData("CLF", 12345L, "1.2345", "CLF 1.2345")]
    public void Minor_units_convert_to_major_units_with_the_currency_exponent(string currency, long minor, string major, string shown)
    {
        Money m = Money.FromMinorUnits(minor, currency);

        Assert.Equal(minor, m.MinorUnits);
        Assert.Equal(currency, m.Currency.Code);
        Assert.Equal(major, m.ToMajorUnits().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(shown, m.ToString());
    }

    [Theory]
    [InlineData("1.10", "BRL", 110L)]
    [InlineData("1.1", "BRL", 110L)]
    [InlineData("1.100", "BRL", 110L)] // trailing zeros are not extra precision
    [InlineData("1000", "JPY", 1000L)]
    [InlineData("1.234", "KWD", 1234L)]
    [InlineData("0", "USD", 0L)]
    [InlineData("99999999999999.99", "BRL", Money.MaxMinorUnits)]
    [InlineData("9999999999999999", "JPY", Money.MaxMinorUnits)]
    public void Major_units_convert_exactly(string amount, string currency, long expectedMinor)
    {
        Money m = Money.FromMajorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);
        Assert.Equal(expectedMinor, m.MinorUnits);
    }

    [Theory]
    [InlineData("1.105", "BRL")]
    [InlineData("0.001", "USD")]
    [InlineData("1.5", "JPY")]
    [InlineData("1.2345", "KWD")]
    [InlineData("0.0000000000000000000000000001", "BRL")]
    public void More_decimals_than_the_currency_allows_is_refused_never_rounded(string amount, string currency)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Money.FromMajorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));
        Assert.Contains("never rounds", e.Message, StringComparison.Ordinal);
        Assert.Contains(currency, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overflow_at_the_16_digit_limit()
    {
        Money max = Money.FromMinorUnits(Money.MaxMinorUnits, "BRL");
        Money one = Money.FromMinorUnits(1, "BRL");

        Assert.Equal(16, Money.MaxMinorUnits.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMinorUnits(Money.MaxMinorUnits + 1, "BRL"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMinorUnits(long.MaxValue, "BRL"));
        OverflowException sum = Assert.Throws<OverflowException>(() => max + one);
        Assert.Contains("16 digits", sum.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMajorUnits(100000000000000.00m, "BRL"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMajorUnits(decimal.MaxValue, "JPY"));
        Assert.Equal(max, (max - one) + one);
    }

    [Fact]
    public void Negative_amounts_are_refused_everywhere_Antom_forbids_them()
    {
        Money one = Money.FromMinorUnits(1, "BRL");
        Money two = Money.FromMinorUnits(2, "BRL");

        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMinorUnits(-1, "BRL"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromMajorUnits(-0.01m, "BRL"));
        OverflowException e = Assert.Throws<OverflowException>(() => one - two);
        Assert.Contains("negative", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_and_ordering_across_currencies_throw_naming_both()
    {
        Money brl = Money.FromMinorUnits(110, "BRL");
        Money usd = Money.FromMinorUnits(110, "USD");

        foreach (Action mix in new Action[] { () => _ = brl + usd, () => _ = brl - usd, () => _ = brl < usd, () => _ = brl >= usd, () => brl.CompareTo(usd) })
        {
            CurrencyMismatchException e = Assert.Throws<CurrencyMismatchException>(mix);
            Assert.Contains("BRL", e.Message, StringComparison.Ordinal);
            Assert.Contains("USD", e.Message, StringComparison.Ordinal);
            Assert.Equal("BRL", e.Left.Code);
            Assert.Equal("USD", e.Right.Code);
        }

        Assert.False(brl == usd); // equality never throws: different currencies are simply not equal
        Assert.True(brl != usd);
    }

    [Fact]
    public void Same_currency_arithmetic_and_ordering()
    {
        Money a = Money.FromMinorUnits(110, "BRL");
        Money b = Money.FromMinorUnits(40, "BRL");

        Assert.Equal(Money.FromMinorUnits(150, "BRL"), a + b);
        Assert.Equal(Money.FromMinorUnits(70, "BRL"), a - b);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a >= Money.FromMajorUnits(1.10m, "BRL"));
        Assert.Equal(Money.Zero(a.Currency), a - a);
    }

    [Fact]
    public void A_currency_outside_the_list_works_in_minor_units_only()
    {
        Money m = Money.FromMinorUnits(12, "QQQ");

        Assert.Equal(12, m.MinorUnits);
        Assert.Equal("QQQ 12 (minor units)", m.ToString());
        InvalidOperationException toMajor = Assert.Throws<InvalidOperationException>(() => m.ToMajorUnits());
        Assert.Contains("QQQ", toMajor.Message, StringComparison.Ordinal);
        Assert.Contains("exponent is unknown", toMajor.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Money.FromMajorUnits(1m, "QQQ"));
        Assert.Equal(Money.FromMinorUnits(24, "QQQ"), m + m);
    }

    [Fact]
    public void An_ISO_code_without_minor_unit_refuses_major_units()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => Money.FromMajorUnits(1m, "XAU"));
        Assert.Contains("N.A.", e.Message, StringComparison.Ordinal);
        Assert.Equal("XAU 5 (minor units)", Money.FromMinorUnits(5, "XAU").ToString());
    }

    [Fact]
    public void Default_money_has_no_currency_and_cannot_be_used_as_if_it_had()
    {
        Money d = default;

        Assert.True(d.Currency.IsDefault);
        Assert.Equal("(no currency) 0", d.ToString());
        Assert.Throws<InvalidOperationException>(() => d.ToMajorUnits());
        Assert.Throws<ArgumentException>(() => Money.FromMinorUnits(1, default(CurrencyCode)));
        Assert.Throws<CurrencyMismatchException>(() => d + Money.FromMinorUnits(1, "BRL"));
    }

    [Fact]
    public void Malformed_currency_is_refused_at_construction()
    {
        Assert.Throws<FormatException>(() => Money.FromMinorUnits(1, "brl"));
        Assert.Throws<FormatException>(() => Money.FromMajorUnits(1m, "R$"));
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.Equal(Money.FromMinorUnits(110, "BRL"), Money.FromMajorUnits(1.1m, "BRL"));
        Assert.Equal(Money.FromMinorUnits(110, "BRL").GetHashCode(), Money.FromMajorUnits(1.1m, "BRL").GetHashCode());
        Assert.NotEqual(Money.FromMinorUnits(110, "BRL"), Money.FromMinorUnits(111, "BRL"));
        Assert.False(Money.FromMinorUnits(110, "BRL").Equals((object)"BRL 1.10"));
    }

    [Fact]
    public void Display_ignores_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal("BRL 1234.56", Money.FromMinorUnits(123456, "BRL").ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    // Money keeps its minor units and the currency's table index in one long (issue 14's 16-byte layout): every known
    // currency, at zero and at the largest amount, must come back exactly, and compare equal to itself only.
    [Fact]
    public void Every_known_currency_keeps_its_amount_and_code_at_both_ends_of_the_range()
    {
        Assert.NotEmpty(CurrencyCode.Known);
        foreach (CurrencyCode currency in CurrencyCode.Known)
        {
            foreach (long minor in new[] { 0L, 1L, Money.MaxMinorUnits - 1, Money.MaxMinorUnits })
            {
                Money money = Money.FromMinorUnits(minor, currency);
                Assert.Equal(minor, money.MinorUnits);
                Assert.Equal(currency, money.Currency);
                Assert.Equal(currency.Code, money.Currency.Code);
                Assert.Equal(money, Money.FromMinorUnits(minor, currency.Code));
            }
        }

        Assert.NotEqual(Money.FromMinorUnits(Money.MaxMinorUnits, "BRL"), Money.FromMinorUnits(Money.MaxMinorUnits, "USD"));
        Assert.NotEqual(Money.FromMinorUnits(0, "BRL"), Money.FromMinorUnits(1, "BRL"));
    }
}
