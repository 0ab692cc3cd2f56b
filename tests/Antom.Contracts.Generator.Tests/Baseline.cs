using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace Antom.Contracts.Generator.Tests;

/// <summary>
/// Checked-in expected outputs. A mismatch fails with a readable line diff. <c>ANTOM_ACCEPT_BASELINES=1</c> rewrites the
/// files from the actual output, and is refused when <c>CI=true</c> so CI can never bless its own output.
/// </summary>
internal static class Baseline
{
    public const string AcceptVariable = "ANTOM_ACCEPT_BASELINES";

    public static string Directory { get; } = typeof(Baseline).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BaselineDirectory").Value!;

    public static bool Accepting
    {
        get
        {
            if (Environment.GetEnvironmentVariable(AcceptVariable) != "1")
            {
                return false;
            }

            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{AcceptVariable}=1 is refused under CI=true: baselines are accepted on a developer machine and reviewed in the diff.");
            }

            return true;
        }
    }

    public static void Verify(string name, string actual)
    {
        string path = Path.Combine(Directory, name);
        if (Accepting)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"There is no baseline {name}. Run the tests with {AcceptVariable}=1 to create it, then review and commit it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Assert.Fail($"{name} differs from its baseline (run with {AcceptVariable}=1 to accept):\n{Diff(expected, actual)}");
        }
    }

    /// <summary>The differing region of two texts, with three lines of context, as - and + lines.</summary>
    public static string Diff(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        int start = 0;
        while (start < e.Length && start < a.Length && e[start] == a[start])
        {
            start++;
        }

        int endE = e.Length - 1, endA = a.Length - 1;
        while (endE >= start && endA >= start && e[endE] == a[endA])
        {
            endE--;
            endA--;
        }

        var sb = new StringBuilder();
        for (int i = Math.Max(0, start - 3); i < start; i++)
        {
            sb.Append("  ").Append(i + 1).Append(' ').AppendLine(e[i]);
        }

        for (int i = start; i <= endE && i < start + 40; i++)
        {
            sb.Append("- ").Append(i + 1).Append(' ').AppendLine(e[i]);
        }

        for (int i = start; i <= endA && i < start + 40; i++)
        {
            sb.Append("+ ").Append(i + 1).Append(' ').AppendLine(a[i]);
        }

        for (int i = endE + 1; i < Math.Min(e.Length, endE + 4); i++)
        {
            sb.Append("  ").Append(i + 1).Append(' ').AppendLine(e[i]);
        }

        return sb.ToString();
    }
}
