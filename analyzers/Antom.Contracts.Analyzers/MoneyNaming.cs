using System;

namespace Antom.Contracts.Analyzers;

/// <summary>
/// Whether an identifier names money: its last word (on camelCase, PascalCase, digit and underscore boundaries) is
/// Amount, Price, Fee, Total or Balance, singular or plural. <c>CaptureAmount</c>, <c>amount</c> and <c>totalFees</c>
/// name money; <c>AmountDescription</c> and <c>feeRate</c> do not.
/// </summary>
internal static class MoneyNaming
{
    private static readonly string[] Words = ["amount", "price", "fee", "total", "balance"];

    public static bool NamesMoney(string identifier)
    {
        string last = LastWord(identifier.TrimStart('@', '_'));
        if (last.Length == 0)
        {
            return false;
        }

        foreach (string word in Words)
        {
            if (string.Equals(last, word, StringComparison.OrdinalIgnoreCase) || string.Equals(last, word + "s", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string LastWord(string identifier)
    {
        int end = identifier.Length;
        while (end > 0 && (identifier[end - 1] == '_' || char.IsDigit(identifier[end - 1])))
        {
            end--;
        }

        if (end == 0)
        {
            return string.Empty;
        }

        int start = end - 1;
        if (char.IsUpper(identifier[start]))
        {
            // An all-caps run (TOTAL, AMOUNT): take the whole run.
            while (start > 0 && char.IsUpper(identifier[start - 1]))
            {
                start--;
            }
        }
        else
        {
            while (start > 0 && char.IsLower(identifier[start - 1]))
            {
                start--;
            }

            if (start > 0 && char.IsUpper(identifier[start - 1]))
            {
                start--;
            }
        }

        return identifier.Substring(start, end - start);
    }
}
