using System;
using System.Text;

namespace Antom.Contracts.Generator.Emitting;

/// <summary>An indented line writer for generated source: four spaces a level, LF line ends, nothing culture-dependent.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _sb.Append(' ', _indent * 4).Append(text);
        }

        _sb.Append('\n');
    }

    /// <summary>
    /// Fixed text of several lines, each indented at the current level plus its own leading spaces; a first line
    /// break and the common indentation of the text (as in a C# raw string literal) are dropped.
    /// </summary>
    public void Block(string text)
    {
        string[] lines = text.Replace("\r\n", "\n").Trim('\n').Split('\n');
        int common = int.MaxValue;
        foreach (string line in lines)
        {
            if (line.Trim().Length > 0)
            {
                common = Math.Min(common, line.Length - line.TrimStart(' ').Length);
            }
        }

        foreach (string line in lines)
        {
            Line(line.Trim().Length == 0 ? string.Empty : line.Substring(common == int.MaxValue ? 0 : common).TrimEnd());
        }
    }

    public void Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    /// <summary>An XML doc summary of plain text: escaped, one line per source line.</summary>
    public void Summary(string? text) => SummaryXml(null, text);

    /// <summary>An XML doc summary that starts with <paramref name="xml"/> (already XML) and goes on with plain <paramref name="text"/>.</summary>
    public void SummaryXml(string? xml, string? text)
    {
        if (string.IsNullOrWhiteSpace(xml) && string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        Line("/// <summary>");
        string[] lines = (text ?? string.Empty).Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string plain = EscapeXml(lines[i].Trim());
            string line = i == 0 && !string.IsNullOrEmpty(xml) ? (plain.Length == 0 ? xml! : xml + ": " + plain) : plain;
            if (line.Length > 0 || lines.Length == 1)
            {
                Line("/// " + line);
            }
        }

        Line("/// </summary>");
    }

    public override string ToString()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated source.");
        }

        return _sb.ToString();
    }

    public static string EscapeXml(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
