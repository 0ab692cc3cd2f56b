using System;

namespace Antom.Contracts.Serialization;

/// <summary>
/// Marks an enum whose every member must be handled: a generated enum for a closed JSON Schema enum whose schema says
/// <c>x-antom-exhaustive: true</c> (<see cref="ResultStatus"/>; a reader refuses any wire value that is not a member),
/// or one of this library's outcome enums (<see cref="PaymentOutcome"/>, <see cref="RefundState"/>,
/// <see cref="Ledger.OperationState"/>). The analyzers require every switch over such an enum to name every member.
/// </summary>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
public sealed class AntomClosedEnumAttribute : Attribute
{
}
