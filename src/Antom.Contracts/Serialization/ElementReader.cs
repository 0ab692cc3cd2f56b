
namespace Antom.Contracts.Serialization;

/// <summary>Reads one array element; <paramref name="propertyName"/> is the array's property, for error paths.</summary>
/// <typeparam name="T">The element type.</typeparam>
public delegate T ElementReader<T>(ref AntomJsonReader reader, string? propertyName);
