using System;
using System.Collections.Generic;

namespace Antom.Contracts.Serialization;

/// <summary>
/// Groups UTF-8 strings by length so that a value read from the wire is compared only with the known ones of its own
/// length (open sets, closed enums): one array lookup, then usually one or two short comparisons.
/// </summary>
internal static class Utf8ByLength
{
    /// <summary>For each UTF-8 length, the indexes of the values of that length, in order.</summary>
    public static int[][] Index(byte[][] utf8)
    {
        int longest = 0;
        foreach (byte[] value in utf8)
        {
            longest = Math.Max(longest, value.Length);
        }

        var lists = new List<int>?[longest + 1];
        for (int i = 0; i < utf8.Length; i++)
        {
            (lists[utf8[i].Length] ??= []).Add(i);
        }

        return Array.ConvertAll(lists, list => list is null ? [] : list.ToArray());
    }
}
