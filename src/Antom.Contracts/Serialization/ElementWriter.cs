namespace Antom.Contracts.Serialization;

/// <summary>Writes one array element.</summary>
/// <typeparam name="T">The element type.</typeparam>
public delegate void ElementWriter<T>(ContractJsonWriter writer, T value);
