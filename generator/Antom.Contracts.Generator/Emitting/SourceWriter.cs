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

    /// <summary>An XML doc summary, escaped, one line per source line.</summary>
    public void Summary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        Line("/// <summary>");
        foreach (string line in text!.Replace("\r\n", "\n").Split('\n'))
        {
            Line("/// " + EscapeXml(line.Trim()));
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
