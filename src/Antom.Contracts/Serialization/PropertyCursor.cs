using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Antom.Contracts.Serialization;

/// <summary>
/// Walks the properties of one object for a generated reader, expecting them in the order payloads of that record
/// came in before (<see cref="PropertyNames"/> learns it): when the expected name is next, it is taken by one
/// comparison of its bytes, without searching for its end or matching it; any other name is matched as usual and
/// taught to the table. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct PropertyCursor
{
    /// <summary>What <see cref="Next"/> returns at the object's end.</summary>
    public const int End = -2;

    /// <summary>What <see cref="Next"/> returns on a name it did not expect: match it, then call <see cref="Matched"/>.</summary>
    public const int Unmatched = -1;

    private readonly PropertyNames _names;
    private int _last;

    /// <summary>A cursor at the start of an object of the record whose names are <paramref name="names"/>.</summary>
    public PropertyCursor(PropertyNames names)
    {
        _names = names;
        _last = -1;
    }

    /// <summary>
    /// Moves to the next property name: its index when it is the expected one, <see cref="Unmatched"/> for any other
    /// name (the reader is on it), or <see cref="End"/> at the object's end.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The text is not well-formed JSON here.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(ref AntomJsonReader reader)
    {
        int expected = _names.Expected(_last);
        if (expected >= 0 && reader.TryReadPropertyName(_names.QuotedNameColon(expected)))
        {
            _last = expected;
            return expected;
        }

        return ContractReader.NextProperty(ref reader) ? Unmatched : End;
    }

    /// <summary>
    /// Takes the index of a name <see cref="Next"/> did not expect (-1 for a name the record does not know, which is
    /// skipped and teaches nothing) and returns it.
    /// </summary>
    public int Matched(int index)
    {
        if (index >= 0)
        {
            _names.Learn(_last, index);
            _last = index;
        }

        return index;
    }
}
