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
        // The last word, found in place (no substring: this runs for every declaration in the compilation).
        int begin = 0;
        while (begin < identifier.Length && identifier[begin] is '@' or '_')
        {
            begin++;
        }

        int end = identifier.Length;
        while (end > begin && (identifier[end - 1] == '_' || char.IsDigit(identifier[end - 1])))
        {
            end--;
        }

        if (end == begin)
        {
            return false;
        }

        int start = end - 1;
        if (char.IsUpper(identifier[start]))
        {
            // An all-caps run (TOTAL, AMOUNT): take the whole run.
            while (start > begin && char.IsUpper(identifier[start - 1]))
            {
                start--;
            }
        }
        else
        {
            while (start > begin && char.IsLower(identifier[start - 1]))
            {
                start--;
            }

            if (start > begin && char.IsUpper(identifier[start - 1]))
            {
                start--;
            }
        }

        int length = end - start;
        foreach (string word in Words)
        {
            if ((length == word.Length || (length == word.Length + 1 && string.Compare(identifier, end - 1, "s", 0, 1, StringComparison.OrdinalIgnoreCase) == 0))
                && string.Compare(identifier, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
