using System;
using Npgsql;

namespace Antom.Contracts.Storage.PostgreSql.Tests;

/// <summary>
/// A schema of one test's own on the server ANTOM_TEST_POSTGRES names, dropped with everything in it afterwards. With no
/// server named the tests fail (never skip): CI starts one, and so does one command locally.
/// </summary>
internal sealed class PostgreSqlSchema : IDisposable
{
    public const string Variable = "ANTOM_TEST_POSTGRES";

    public PostgreSqlSchema()
    {
        string connectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: start a throwaway PostgreSQL server with `source eng/start-postgres.sh` (from the repository root), then run the tests from that shell.");
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public string Name { get; } = "antom_test_" + Guid.NewGuid().ToString("N");

    public long Count(string table)
    {
        using NpgsqlCommand command = DataSource.CreateCommand($"SELECT count(*) FROM \"{Name}\".{table}");
        return (long)command.ExecuteScalar()!;
    }

    public void Execute(string sql)
    {
        using NpgsqlCommand command = DataSource.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        using (NpgsqlCommand drop = DataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{Name}\" CASCADE"))
        {
            drop.ExecuteNonQuery();
        }

        DataSource.Dispose();
    }
}
