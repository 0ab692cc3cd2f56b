using System;
using System.Collections.Generic;
using Antom.Contracts.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Antom.Contracts.Generator.Parsing;

/// <summary>
/// One schema file parsed as plain JSON with line information, so that every diagnostic can point at the
/// keyword it is about, and extension keywords can be read exactly as written.
/// </summary>
internal sealed class SchemaDocument
{
    private SourceText? _text; // made when a diagnostic first needs a location: most runs never locate anything

    private SchemaDocument(SchemaFile file, JToken root)
    {
        File = file;
        Root = root;
        Path = SchemaPaths.Normalize(file.Path);
        Id = root is JObject o && o.TryGetValue("$id", StringComparison.Ordinal, out JToken? id) && id.Type == JTokenType.String ? SchemaPaths.TrimEmptyFragment((string)id!) : null;
    }

    public SchemaFile File { get; }

    private SourceText Text => _text ??= SourceText.From(File.Text);

    /// <summary>The normalized path: the document's key in its <see cref="SchemaSet"/>.</summary>
    public string Path { get; }

    /// <summary>The root's <c>$id</c> (without an empty fragment), or null.</summary>
    public string? Id { get; }

    public JToken Root { get; }

    /// <summary>Parses the file; a syntax error becomes <paramref name="error"/>, located at the reader's line and column.</summary>
    public static SchemaDocument? TryParse(SchemaFile file, out DiagnosticInfo? error)
    {
        try
        {
            var settings = new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore };
            using var reader = new JsonTextReader(new System.IO.StringReader(file.Text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 256 };
            JToken root = JToken.Load(reader, settings);
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException("Additional text after the schema.", reader.Path, reader.LineNumber, reader.LinePosition, null);
            }

            error = null;
            return new SchemaDocument(file, root);
        }
        catch (JsonReaderException e)
        {
            // The reader's position is the number of characters it consumed on the line: the next one is the culprit.
            error = DiagnosticInfo.Create(Diagnostics.InvalidJson, At(file.Path, SourceText.From(file.Text), e.LineNumber, e.LinePosition + 1, 1), System.IO.Path.GetFileName(file.Path), FirstSentence(e.Message));
            return null;
        }
    }

    /// <summary>The token at a JSON pointer (segments unescaped), or null.</summary>
    public JToken? Find(IReadOnlyList<string> pointer)
    {
        JToken? current = Root;
        foreach (string segment in pointer)
        {
            current = current switch
            {
                JObject o => o.TryGetValue(segment, StringComparison.Ordinal, out JToken? v) ? v : null,
                JArray a when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) && i < a.Count => a[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>
    /// Where the value at <paramref name="pointer"/> is named: the quoted property name that holds it (<c>"captureAmount"</c>),
    /// or the value itself for the root or an array element. Falls back to the nearest ancestor that exists.
    /// </summary>
    public LocationInfo Locate(IReadOnlyList<string> pointer)
    {
        for (int length = pointer.Count; length >= 0; length--)
        {
            var prefix = new string[length];
            for (int i = 0; i < length; i++)
            {
                prefix[i] = pointer[i];
            }

            JToken? token = Find(prefix);
            if (token is null)
            {
                continue;
            }

            if (token.Parent is JProperty property && property is IJsonLineInfo info && info.HasLineInfo())
            {
                return LocateText(info.LineNumber, info.LinePosition, JsonConvert.ToString(property.Name));
            }

            if (token is JValue { Type: JTokenType.String } value && value is IJsonLineInfo valueInfo && valueInfo.HasLineInfo())
            {
                return LocateText(valueInfo.LineNumber, valueInfo.LinePosition, JsonConvert.ToString((string)value!));
            }

            if (token is IJsonLineInfo tokenInfo && tokenInfo.HasLineInfo())
            {
                // Newtonsoft places a container just after its opening bracket.
                return At(File.Path, Text, tokenInfo.LineNumber, tokenInfo.LinePosition, 1);
            }
        }

        return LocationInfo.StartOf(File.Path);
    }

    // Newtonsoft reports a token at the position just after it; find its quoted text on that line, ending there or before.
    private LocationInfo LocateText(int line, int position, string quoted)
    {
        if (line < 1 || line > Text.Lines.Count)
        {
            return LocationInfo.StartOf(File.Path);
        }

        TextLine textLine = Text.Lines[line - 1];
        string lineText = textLine.ToString();
        int end = Math.Min(Math.Max(position, 0), lineText.Length);
        int column = lineText.LastIndexOf(quoted, end == 0 ? 0 : end - 1, StringComparison.Ordinal);
        if (column < 0)
        {
            return At(File.Path, Text, line, position, 1);
        }

        var span = new TextSpan(textLine.Start + column, quoted.Length);
        return new LocationInfo(File.Path, span, Text.Lines.GetLinePositionSpan(span));
    }

    private static LocationInfo At(string path, SourceText text, int line, int position, int length)
    {
        if (line < 1 || text.Lines.Count == 0)
        {
            return LocationInfo.StartOf(path);
        }

        TextLine textLine = text.Lines[Math.Min(line, text.Lines.Count) - 1];
        int start = textLine.Start + Math.Max(0, Math.Min(position - 1, textLine.Span.Length));
        var span = new TextSpan(start, Math.Min(length, Math.Max(0, textLine.End - start)));
        return new LocationInfo(path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ') + ".";
    }
}
