using System;
using System.Collections.Generic;

namespace Antom.Contracts.Serialization;

/// <summary>
/// Marks the abstract record the generator emits for a <c>oneOf</c> schema whose branches are told apart by a
/// <c>const</c> discriminator property, and lists its branches: one sealed record each. The analyzers (ANTOM1001)
/// require every switch over such a union to name every branch type listed here.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AntomUnionAttribute : Attribute
{
    /// <summary>Records the branch types <paramref name="branches"/>, in the schema's <c>oneOf</c> order.</summary>
    public AntomUnionAttribute(params Type[] branches)
    {
        Branches = branches;
    }

    /// <summary>The sealed record types deriving from the marked union, one per <c>oneOf</c> branch.</summary>
    public IReadOnlyList<Type> Branches { get; }

    /// <summary>
    /// The JSON name of the discriminator property whose <c>const</c> value says which branch a payload is
    /// (<c>kind</c>); null when the generator did not record it.
    /// </summary>
    public string? Discriminator { get; set; }
}
