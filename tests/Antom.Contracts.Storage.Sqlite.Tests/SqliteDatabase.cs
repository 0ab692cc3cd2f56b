using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace Antom.Contracts.Storage.Sqlite.Tests;

/// <summary>A database file of one test's own in a fresh temporary folder, deleted with it.</summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("antom-sqlite-").FullName;

    public string File => Path.Combine(_folder, "antom.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File }.ToString();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
