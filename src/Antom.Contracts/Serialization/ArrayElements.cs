using System.ComponentModel;

namespace Antom.Contracts.Serialization;

/// <summary>How the elements of one array property of plain values are read, checked and written. Made once per property by generated code.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="Read">Reads one element.</param>
/// <param name="Check">Checks one element; null when every value of the type is valid.</param>
/// <param name="Write">Writes one element.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record ArrayElements<T>(ElementReader<T> Read, ElementCheck<T>? Check, ElementWriter<T> Write);
