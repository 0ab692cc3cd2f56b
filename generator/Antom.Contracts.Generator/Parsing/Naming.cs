using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Antom.Contracts.Generator.Parsing;

/// <summary>Turns JSON names into C# names.</summary>
internal static class Naming
{
    /// <summary>
    /// PascalCase of a JSON name: <c>captureAmount</c> → <c>CaptureAmount</c>, <c>CAPTURE_IN_PROCESS</c> → <c>CaptureInProcess</c>,
    /// <c>3ds-version</c> → <c>_3dsVersion</c>. Characters that cannot be in an identifier separate words.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        bool allUpper = true;
        foreach (char c in name)
        {
            if (char.IsLower(c))
            {
                allUpper = false;
                break;
            }
        }

        var sb = new StringBuilder(name.Length);
        bool startWord = true;
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startWord = true;
                continue;
            }

            if (startWord)
            {
                sb.Append(char.ToUpperInvariant(c));
                startWord = false;
            }
            else
            {
                sb.Append(allUpper ? char.ToLowerInvariant(c) : c);
            }
        }

        if (sb.Length > 0 && char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    /// <summary>The longest identifier the compiler accepts (longer ones are CS0645).</summary>
    public const int MaxIdentifierLength = 512;

    /// <summary>A name usable as written for a type or member: a valid identifier that is not a keyword.</summary>
    public static bool IsUsableIdentifier(string name)
        => name.Length <= MaxIdentifierLength
           && SyntaxFacts.IsValidIdentifier(name)
           && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
           && SyntaxFacts.GetContextualKeywordKind(name) is not (SyntaxKind.VarKeyword or SyntaxKind.RecordKeyword or SyntaxKind.RequiredKeyword or SyntaxKind.FileKeyword or SyntaxKind.ScopedKeyword);

    /// <summary>Members every generated record has, which a property must not take.</summary>
    public static bool IsReservedRecordMember(string name)
        => name is "EqualityContract" or "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "Deconstruct" or "GetType" or "MemberwiseClone" or "Finalize";
}
