using System.Collections.Generic;
using System.Text.Json;

namespace Antom.Contracts.Serialization;

/// <content>Maps: a schema object with <c>additionalProperties: {schema}</c> and no <c>properties</c>.</content>
public static partial class ContractReader
{
    /// <summary>
    /// A map of values, each read by <paramref name="read"/>; a repeated key is an error, and an error in a value is
    /// reported at its key (<c>$.labels.color</c>).
    /// </summary>
    public static ValueMap<T> ReadMap<T>(ref AntomJsonReader reader, string propertyName, ElementReader<T> read)
    {
        System.ArgumentNullException.ThrowIfNull(read);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NotA(ref reader, propertyName, "an object (a map)");
        }

        var entries = new List<KeyValuePair<string, T>>();
        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            string key = PayloadReading.GetString(ref reader, propertyName);
            if (!keys.Add(key))
            {
                throw AntomPayloadException.Duplicate(PathOf(propertyName) + JsonPath.Property(key));
            }

            if (!reader.Read())
            {
                throw EndOfInput(propertyName);
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                throw AntomPayloadException.NullNotAllowed(PathOf(propertyName) + JsonPath.Property(key));
            }

            try
            {
                entries.Add(new KeyValuePair<string, T>(key, read(ref reader, key)));
            }
            catch (AntomPayloadException e)
            {
                throw e.UnderProperty(propertyName);
            }
        }

        return ValueMap<T>.From(entries);
    }
}
