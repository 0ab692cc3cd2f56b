using System.ComponentModel;

namespace Antom.Contracts.Serialization;

/// <summary>
/// What a generated open set (a readonly struct over its wire string) gives the runtime, so that reading, checking
/// and writing it live in <see cref="OpenSetTable{TSelf}"/> once instead of in every struct. Implemented explicitly
/// by generated code; not for direct use.
/// </summary>
/// <typeparam name="TSelf">The open set itself.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenSet<TSelf>
    where TSelf : struct, IOpenSet<TSelf>
{
    /// <summary>The set's table: its known values.</summary>
    static abstract OpenSetTable<TSelf> Table { get; }

    /// <summary>The wire value; null for <c>default</c>.</summary>
    string? WireValue { get; }

    /// <summary>The 1-based index of a known value; 0 for any other.</summary>
    int KnownIndex { get; }

    /// <summary>A value wrapping <paramref name="wireValue"/>, known at <paramref name="knownIndex"/> (0: not known).</summary>
    static abstract TSelf Create(string wireValue, int knownIndex);
}
