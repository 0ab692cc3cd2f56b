using System;

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
