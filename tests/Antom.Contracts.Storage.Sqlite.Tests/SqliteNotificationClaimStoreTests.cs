using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Antom.Contracts.Tests.Stores;
using Xunit;

namespace Antom.Contracts.Storage.Sqlite.Tests;

public sealed class SqliteNotificationClaimStoreTests : NotificationClaimStoreConformance, IDisposable
{
    private readonly SqliteDatabase _database = new();

    protected override INotificationClaimStore Open(TimeProvider time) => new SqliteNotificationClaimStore(_database.ConnectionString, time, Retention);

    [Fact]
    public async Task EnsureCreatedAsync_is_idempotent_and_concurrent_first_uses_create_the_table_once()
    {
        var store = new SqliteNotificationClaimStore(_database.ConnectionString, Clock, Retention);
        await Task.WhenAll(store.EnsureCreatedAsync(), new SqliteNotificationClaimStore(_database.ConnectionString).EnsureCreatedAsync());
        await store.EnsureCreatedAsync();

        Assert.Equal(ClaimStatus.Claimed, (await store.ClaimAsync("k", TimeSpan.FromMinutes(1), default)).Status);
    }

    [Fact]
    public async Task A_claim_waits_for_another_process_holding_the_write_lock_then_sees_its_row()
    {
        var store = new SqliteNotificationClaimStore(_database.ConnectionString, Clock, Retention);
        await store.EnsureCreatedAsync();
        // Another process (Python's own SQLite) takes the file's write lock, inserts a live claim and holds it for a while.
        const string Script = """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("INSERT INTO antom_notification_claims VALUES ('other', 'claimed', 't', 9223372036854775807)")
            print("locked", flush=True)
            time.sleep(1.5)
            c.execute("COMMIT")
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(_database.File);
        using Process other = Process.Start(start)!;
        Assert.Equal("locked", await other.StandardOutput.ReadLineAsync());

        var waited = Stopwatch.StartNew();
        NotificationClaim mine = await store.ClaimAsync("mine", TimeSpan.FromMinutes(1), default);
        waited.Stop();
        NotificationClaim theirs = await store.ClaimAsync("other", TimeSpan.FromMinutes(1), default);
        await other.WaitForExitAsync();

        Assert.Equal(0, other.ExitCode);
        Assert.Equal(ClaimStatus.Claimed, mine.Status);
        Assert.True(waited.Elapsed > TimeSpan.FromSeconds(0.5), $"the claim did not wait for the other process's lock ({waited.Elapsed})");
        Assert.Equal(ClaimStatus.HeldByAnother, theirs.Status);
    }

    public void Dispose() => _database.Dispose();
}
