using System;
using System.Collections.Generic;

namespace Antom.Contracts.Serialization;

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
