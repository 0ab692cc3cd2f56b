using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Antom.Contracts.Testing;

/// <summary>
/// The mutation operators of the differential runs (Schemas.Tests over the shipped contracts, Generator.Tests over
/// the scenario schemas): byte noise (delete, insert or overwrite one byte) and value replacement (the text after a
/// <c>:</c> becomes one of the run's interesting values), plus whatever operators a run adds. Driven by the caller's
/// <see cref="Random"/>, so a fixed seed gives the same mutations in every run; with no added operators the sequence
/// is the one the shipped-contract run has always used.
/// </summary>
internal sealed class JsonMutator
{
    /// <summary>The replacement values of the shipped-contract run: amounts, results, currencies, date-times, lengths.</summary>
    public static IReadOnlyList<string> ContractValues { get; } =
    [
        "\"\"", "\"1.10\"", "\"-1\"", "\"+110\"", "\"1e3\"", "110", "-1", "1.5", "null", "true", "false", "\"true\"", "\"yes\"", "{}", "[]",
        "\"S\"", "\"F\"", "\"U\"", "\"X\"", "\"s\"", "\"brl\"", "\"BRLX\"", "\"JPY\"", "\"CAPTURE\"", "\"CAPTURE_RESULT\"",
        "\"2022-09-29T07:13:50-07:00\"", "\"2022-09-29T07:13:50\"", "\"2022-02-30T07:13:50Z\"", "\"not a date\"",
        "\"" + new string('x', 64) + "\"", "\"" + new string('x', 65) + "\"", "\"" + new string('m', 257) + "\"", "\"\\u0000\"", "\"\\ud800\"",
    ];

    private static readonly byte[] Noise = "\"{}[],:0-.e \\tn"u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0x00 }).ToArray();
    private readonly IReadOnlyList<string> _replacements;
    private readonly Func<List<byte>, Random, List<byte>>[] _operators;

    public JsonMutator(IReadOnlyList<string> replacements, params Func<List<byte>, Random, List<byte>>[] operators)
    {
        _replacements = replacements;
        _operators = operators;
    }

    /// <summary>One of the run's replacement values, picked by <paramref name="random"/>.</summary>
    public string Pick(Random random) => _replacements[random.Next(_replacements.Count)];

    /// <summary>One to three edits of <paramref name="seed"/>.</summary>
    public byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits; e++)
        {
            switch (random.Next(6 + _operators.Length))
            {
                case 0 when bytes.Count > 0:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                case 1:
                    bytes.Insert(random.Next(bytes.Count + 1), Noise[random.Next(Noise.Length)]);
                    break;
                case 2 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = Noise[random.Next(Noise.Length)];
                    break;
                case int added when added >= 6:
                    bytes = _operators[added - 6](bytes, random);
                    break;
                default:
                    bytes = ReplaceValue(bytes, random);
                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>HashCode.Combine is randomised per process; this is not, so a failing mutation run can be reproduced.</summary>
    public static int StableSeed(string text)
    {
        int hash = 7919;
        foreach (char c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    /// <summary>The payload as text for a failure message, cut at 400 bytes.</summary>
    public static string Show(byte[] payload) => payload.Length > 400 ? Encoding.UTF8.GetString(payload, 0, 400) + "…" : Encoding.UTF8.GetString(payload);

    // Replaces one scalar value (the text after a ':' up to the next ',' or '}') with an interesting one.
    private List<byte> ReplaceValue(List<byte> bytes, Random random)
    {
        string text = Encoding.UTF8.GetString(bytes.ToArray());
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToArray();
        if (colons.Length == 0)
        {
            return bytes;
        }

        int start = colons[random.Next(colons.Length)] + 1;
        int end = start;
        bool inString = false;
        while (end < text.Length && (inString || (text[end] != ',' && text[end] != '}' && text[end] != '{' && text[end] != '[')))
        {
            if (text[end] == '"' && (end == 0 || text[end - 1] != '\\'))
            {
                inString = !inString;
            }

            end++;
        }

        string replaced = text[..start] + Pick(random) + text[end..];
        return [.. Encoding.UTF8.GetBytes(replaced)];
    }
}
