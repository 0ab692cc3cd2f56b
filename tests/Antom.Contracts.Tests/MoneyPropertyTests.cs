using System;
using System.Linq;
using CsCheck;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>Arithmetic laws and conversions, over random amounts (CsCheck prints the seed of any failure).</summary>
public class MoneyPropertyTests
{
    private const int Iterations = 10_000;

    private static readonly CurrencyCode[] WithExponent = CurrencyCode.Known.Where(c => c.MinorUnitExponent is not null).ToArray();

    private static readonly Gen<CurrencyCode> Currency = Gen.Int[0, WithExponent.Length - 1].Select(i => WithExponent[i]);

    // Half the range, so that sums of two stay within 16 digits.
    private static readonly Gen<long> Units = Gen.Long[0, Money.MaxMinorUnits / 2];

    private static readonly Gen<(Money A, Money B, Money C)> SameCurrencyTriple =
        Gen.Select(Currency, Units, Units, Units).Select(t => (
            Money.FromMinorUnits(t.Item2 / 2, t.Item1),
            Money.FromMinorUnits(t.Item3 / 2, t.Item1),
            Money.FromMinorUnits(t.Item4 / 2, t.Item1)));

    [Fact]
    public void Addition_is_commutative_and_associative_with_zero_as_identity()
    {
        SameCurrencyTriple.Sample(t =>
        {
            (Money a, Money b, Money c) = t;
            Assert.Equal(a + b, b + a);
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a, a + Money.Zero(a.Currency));
        }, iter: Iterations);
    }

    [Fact]
    public void Subtraction_undoes_addition()
    {
        SameCurrencyTriple.Sample(t =>
        {
            (Money a, Money b, _) = t;
            Assert.Equal(a, (a + b) - b);
            Assert.Equal(Money.Zero(a.Currency), a - a);
        }, iter: Iterations);
    }

    [Fact]
    public void Ordering_is_the_order_of_minor_units_and_is_total()
    {
        SameCurrencyTriple.Sample(t =>
        {
            (Money a, Money b, _) = t;
            Assert.Equal(a.MinorUnits.CompareTo(b.MinorUnits), a.CompareTo(b));
            Assert.Equal(a < b, !(a >= b));
            Assert.Equal(a == b, a.CompareTo(b) == 0);
            Assert.True(a + b >= a);
        }, iter: Iterations);
    }

    [Fact]
    public void Minor_to_major_to_minor_round_trips()
    {
        Gen.Select(Currency, Gen.Long[0, Money.MaxMinorUnits]).Sample(t =>
        {
            Money m = Money.FromMinorUnits(t.Item2, t.Item1);
            decimal major = m.ToMajorUnits();
            Assert.Equal(m, Money.FromMajorUnits(major, m.Currency));
            Assert.Equal(m.Currency.MinorUnitExponent, major.Scale);
        }, iter: Iterations);
    }

    [Fact]
    public void Major_to_minor_to_major_round_trips_for_amounts_the_currency_can_hold()
    {
        Gen.Select(Currency, Gen.Long[0, Money.MaxMinorUnits]).Sample(t =>
        {
            int exponent = t.Item1.MinorUnitExponent!.Value;
            decimal amount = new decimal(t.Item2) / Pow10(exponent);
            Money m = Money.FromMajorUnits(amount, t.Item1);
            Assert.Equal(amount, m.ToMajorUnits());
            Assert.Equal(t.Item2, m.MinorUnits);
        }, iter: Iterations);
    }

    [Fact]
    public void An_amount_with_one_decimal_too_many_is_always_refused()
    {
        Gen.Select(Currency, Gen.Long[0, Money.MaxMinorUnits / 10], Gen.Int[1, 9]).Sample(t =>
        {
            int exponent = t.Item1.MinorUnitExponent!.Value;
            decimal tooPrecise = new decimal((t.Item2 * 10) + t.Item3) / Pow10(exponent + 1);
            Assert.Throws<ArgumentException>(() => Money.FromMajorUnits(tooPrecise, t.Item1));
        }, iter: Iterations);
    }

    private static decimal Pow10(int n)
    {
        decimal p = 1m;
        for (int i = 0; i < n; i++)
        {
            p *= 10m;
        }

        return p;
    }
}
