namespace Antom.Contracts.Serialization;

/// <summary>
/// A known value of an open set as its struct holds it: the wire string and its 1-based index in one object, so that
/// the struct is a single reference (8 bytes, 16 as an optional member) instead of a string and an int.
/// </summary>
internal sealed class OpenSetEntry(string wireValue, int index)
{
    public string WireValue { get; } = wireValue;

    public int Index { get; } = index;
}
