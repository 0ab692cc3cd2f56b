using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <summary>Writes one array element.</summary>
/// <typeparam name="T">The element type.</typeparam>
public delegate void ElementWriter<T>(Utf8JsonWriter writer, T value);
