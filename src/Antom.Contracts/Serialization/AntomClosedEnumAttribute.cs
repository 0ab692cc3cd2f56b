using System;
using System.Collections.Generic;

namespace Antom.Contracts.Serialization;

/// <summary>
/// Marks a generated C# enum for a closed JSON Schema enum whose schema says <c>x-antom-exhaustive: true</c>
/// (<see cref="ResultStatus"/>). The analyzers require every switch over such an enum to name every member, and a reader
/// refuses any wire value that is not a member.
/// </summary>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
public sealed class AntomClosedEnumAttribute : Attribute
{
}

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

/// <summary>
/// Lists the JSON names of the money fields of the contracts generated in an assembly (<c>captureAmount</c>, ...).
/// The generator emits it; the ANTOM2001 analyzer reads it to spot money read out of raw JSON by key.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class AntomMoneyFieldsAttribute : Attribute
{
    /// <summary>Records the JSON names.</summary>
    public AntomMoneyFieldsAttribute(params string[] jsonNames)
    {
        JsonNames = jsonNames;
    }

    /// <summary>The JSON names of the money fields.</summary>
    public IReadOnlyList<string> JsonNames { get; }
}
