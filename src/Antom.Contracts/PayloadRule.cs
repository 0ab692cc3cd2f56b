namespace Antom.Contracts;

/// <summary>The rule a payload broke, carried by <see cref="AntomPayloadException.Rule"/>.</summary>
public enum PayloadRule
{
    /// <summary>The bytes are not well-formed JSON (truncated, bad escape, invalid UTF-8, ...).</summary>
    Syntax = 1,

    /// <summary>A value has the wrong JSON type: a number where the schema wants a string, an array where it wants an object.</summary>
    Type,

    /// <summary>A required property is missing, or is <c>null</c>.</summary>
    Required,

    /// <summary>A string is longer than the schema's <c>maxLength</c>.</summary>
    MaxLength,

    /// <summary>A string does not match the schema's <c>pattern</c> (an amount value that is not minor-unit digits, a malformed currency).</summary>
    Pattern,

    /// <summary>A value differs from the schema's <c>const</c> (a <c>notifyType</c> other than <c>CAPTURE_RESULT</c>).</summary>
    Const,

    /// <summary>A value is not a member of a closed enum (a <c>resultStatus</c> other than <c>S</c>, <c>F</c> or <c>U</c>).</summary>
    Enum,

    /// <summary>A string does not have the schema's <c>format</c> (a <c>date-time</c> that is not RFC 3339 with an offset).</summary>
    Format,

    /// <summary>An object names the same property twice.</summary>
    DuplicateProperty,

    /// <summary>A number is out of the range the contract allows (an amount beyond 16 digits, a negative amount).</summary>
    Range,

    /// <summary>A string is shorter than the schema's <c>minLength</c>.</summary>
    MinLength,

    /// <summary>An array has fewer elements than the schema's <c>minItems</c>, or more than its <c>maxItems</c>.</summary>
    ItemCount,
}
