using System;
using System.Globalization;
using System.Text;

namespace Antom.Contracts;

/// <summary>
/// Builds the JSON paths that <see cref="AntomPayloadException"/> reports: <c>$</c>, then <c>.name</c> for a property whose
/// name is a plain identifier, <c>['odd name']</c> for any other, and <c>[3]</c> for an array element.
/// </summary>
public static class JsonPath
{
    /// <summary>The path of the payload itself.</summary>
    public const string Root = "$";

    /// <summary>The path of <paramref name="propertyName"/> directly under the root: <c>$.captureAmount</c>.</summary>
    public static string OfProperty(string propertyName) => Root + Property(propertyName);

    /// <summary>The segment for one property: <c>.captureAmount</c>, or <c>['a b']</c> when the name is not a plain identifier.</summary>
    public static string Property(string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        if (IsPlain(propertyName))
        {
            return "." + propertyName;
        }

        var sb = new StringBuilder(propertyName.Length + 4);
        sb.Append("['");
        foreach (char c in propertyName)
        {
            if (c is '\'' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c < ' ' || c == '\u007f')
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append("']").ToString();
    }

    /// <summary>The segment for one array element: <c>[3]</c>.</summary>
    public static string Index(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// Puts <paramref name="segment"/> between the root and the rest of <paramref name="path"/>:
    /// <c>Prepend(".captureAmount", "$.value")</c> is <c>$.captureAmount.value</c>.
    /// </summary>
    public static string Prepend(string segment, string path)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(Root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{path}\" is not a JSON path: it does not start at {Root}.", nameof(path));
        }

        return string.Concat(Root, segment, path.AsSpan(Root.Length));
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
