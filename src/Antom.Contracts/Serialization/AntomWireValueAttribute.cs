using System;

namespace Antom.Contracts.Serialization;

/// <summary>The wire value of a member of a generated enum or open set, and what it means.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class AntomWireValueAttribute : Attribute
{
    /// <summary>Records the wire value <paramref name="value"/>.</summary>
    public AntomWireValueAttribute(string value)
    {
        Value = value;
    }

    /// <summary>The value as it appears in JSON: <c>U</c> for <see cref="ResultStatus.Unknown"/>.</summary>
    public string Value { get; }

    /// <summary>What the value means, from the schema's <c>x-enumDescriptions</c>; the analyzers quote it.</summary>
    public string? Description { get; set; }
}
