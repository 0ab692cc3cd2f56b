namespace Antom.Contracts.Serialization;

/// <summary>Checks one array element; <paramref name="propertyName"/> is the array's property, for error paths.</summary>
/// <typeparam name="T">The element type.</typeparam>
public delegate void ElementCheck<T>(T value, string propertyName);
