using System.Threading.Tasks;
using Antom.Contracts.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Antom.Contracts.Analyzers.Tests.Harness;

namespace Antom.Contracts.Analyzers.Tests;

public class SuppressorAndFixTests
{
    [Fact]
    public Task CS8524_is_suppressed_on_a_switch_expression_naming_every_member()
        => AnalyzeWithCompilerWarnings<ExhaustiveSwitchSuppressor>(
            Usings + "internal static class C { internal static int M(ResultStatus s) => s {|#0:switch|} { ResultStatus.Success => 1, ResultStatus.Failure => 2, ResultStatus.Unknown => 3 }; }",
            DiagnosticResult.CompilerWarning("CS8524").WithLocation(0).WithArguments("(Antom.Contracts.ResultStatus)0").WithIsSuppressed(true));

    [Fact]
    public Task CS8524_stays_when_a_member_is_missing()
        => AnalyzeWithCompilerWarnings<ExhaustiveSwitchSuppressor>(
            Usings + "internal static class C { internal static int M(ResultStatus s) => s {|#0:switch|} { ResultStatus.Success => 1, ResultStatus.Failure => 2 }; }",
            DiagnosticResult.CompilerWarning("CS8509").WithLocation(0).WithArguments("Antom.Contracts.ResultStatus.Unknown"));

    [Fact]
    public Task CS8524_stays_for_enums_that_are_not_marked()
        => AnalyzeWithCompilerWarnings<ExhaustiveSwitchSuppressor>(
            "internal enum E { A, B } internal static class C { internal static int M(E e) => e {|#0:switch|} { E.A => 1, E.B => 2 }; }",
            DiagnosticResult.CompilerWarning("CS8524").WithLocation(0).WithArguments("(E)2"));

    [Fact]
    public Task The_fix_adds_the_missing_cases_to_a_switch_statement_before_default()
        => Fix<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Usings + """
            public static class C
            {
                public static int M(ResultStatus s)
                {
                    [|switch|] (s)
                    {
                        case ResultStatus.Success:
                            return 1;
                        default:
                            return 0;
                    }
                }
            }
            """,
            Usings + """
            public static class C
            {
                public static int M(ResultStatus s)
                {
                    switch (s)
                    {
                        case ResultStatus.Success:
                            return 1;
                        case ResultStatus.Failure:
                            throw new NotImplementedException("resultStatus F (Failure) is not handled");
                        case ResultStatus.Unknown:
                            throw new NotImplementedException("resultStatus U (Unknown) is not handled");
                        default:
                            return 0;
                    }
                }
            }
            """);

    [Fact]
    public Task The_fix_adds_arms_to_a_switch_expression_before_the_discard_and_a_null_arm_when_nullable()
        => Fix<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Usings + """
            public static class C
            {
                public static int M(ResultStatus? s) => s [|switch|]
                {
                    ResultStatus.Success => 1,
                    ResultStatus.Failure => 2,
                    _ => 0
                };
            }
            """,
            Usings + """
            public static class C
            {
                public static int M(ResultStatus? s) => s switch
                {
                    ResultStatus.Success => 1,
                    ResultStatus.Failure => 2,
                    ResultStatus.Unknown => throw new NotImplementedException("resultStatus U (Unknown) is not handled"),
                    null => throw new NotImplementedException("a null resultStatus is not handled"),
                    _ => 0
                };
            }
            """);

    [Fact]
    public Task The_fix_puts_enum_arms_before_a_catch_all_var_arm_where_they_compile()
        => Fix<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Usings + """
            public static class C
            {
                public static int M(ResultStatus s) => s [|switch|]
                {
                    ResultStatus.Success => 1,
                    var other => 0
                };
            }
            """,
            Usings + """
            public static class C
            {
                public static int M(ResultStatus s) => s switch
                {
                    ResultStatus.Success => 1,
                    ResultStatus.Failure => throw new NotImplementedException("resultStatus F (Failure) is not handled"),
                    ResultStatus.Unknown => throw new NotImplementedException("resultStatus U (Unknown) is not handled"),
                    var other => 0
                };
            }
            """);

    [Fact]
    public Task The_fix_puts_enum_cases_before_a_catch_all_declaration_in_a_switch_statement()
        => Fix<UnhandledResultStatusAnalyzer, AddMissingCasesCodeFix>(
            Usings + """
            public static class C
            {
                public static int M(ResultStatus s)
                {
                    [|switch|] (s)
                    {
                        case ResultStatus.Success:
                            return 1;
                        case ResultStatus r:
                            return 0;
                    }
                }
            }
            """,
            Usings + """
            public static class C
            {
                public static int M(ResultStatus s)
                {
                    switch (s)
                    {
                        case ResultStatus.Success:
                            return 1;
                        case ResultStatus.Failure:
                            throw new NotImplementedException("resultStatus F (Failure) is not handled");
                        case ResultStatus.Unknown:
                            throw new NotImplementedException("resultStatus U (Unknown) is not handled");
                        case ResultStatus r:
                            return 0;
                    }
                }
            }
            """);
}
