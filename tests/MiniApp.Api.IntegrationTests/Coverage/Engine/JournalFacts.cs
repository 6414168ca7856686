namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

[Collection(CoverageCollection.Name)]
public sealed class JournalFacts(ApiFixture api)
{
    private static readonly DateOnly Day = new(2049, 1, 10);

    private async Task<List<(DateTime Day, string Township, string Group, string Measure, int Delta, int? DecisionDays)>> JournalOfAsync(long id)
    {
        await using var db = await api.Database.OpenAsync();
        return (await db.QueryAsync<(DateTime, string, string, string, int, int?)>("""
            SELECT day, township_code, worker_group_code, measure, delta, decision_days FROM coverage_deltas
            WHERE application_id = @id ORDER BY id
            """, new { id })).ToList();
    }

    [Fact]
    public async Task FailedApproval_LeavesNoJournalRows_BecauseTheyShareItsTransaction()
    {
        await using var kit = new CoverageEngineKit(api);
        kit.SetDay(Day);
        var (_, application) = await kit.SubmitAsync("530427201", "mall_promoter");
        var (_, other) = await kit.SubmitAsync("530427201", "mall_promoter");
        // The same person became a member meanwhile (through another application): creating the member fails at the end.
        await using (var db = await api.Database.OpenAsync())
        {
            await db.ExecuteAsync("""
                INSERT INTO members (user_id, application_id, union_id, name, id_number_hash, worker_group_code, township_code, joined_on, status, created_at)
                SELECT o.user_id, o.id, o.receiving_union_id, a.name, a.id_number_hash, a.worker_group_code, a.residence_township, '2049-01-09', 'active', UTC_TIMESTAMP(6)
                FROM applications a JOIN applications o ON o.id = @other WHERE a.id = @application
                """, new { application, other });
        }

        Assert.False((await kit.ApproveAsync(application)).IsSuccessStatusCode);

        var day = Day.ToDateTime(TimeOnly.MinValue);
        Assert.Equal([(day, "530427201", "mall_promoter", "submitted", 1, (int?)null)], await JournalOfAsync(application));
        await using var check = await api.Database.OpenAsync();
        Assert.Equal("submitted", await check.ExecuteScalarAsync<string>("SELECT status FROM applications WHERE id = @application", new { application }));
    }

    [Fact]
    public async Task Resubmission_TakesTheRejectionOutOfTheOldCell_AndSubmitsInTheNewOne()
    {
        await using var kit = new CoverageEngineKit(api);
        kit.SetDay(Day);
        var (worker, id) = await kit.SubmitAsync("530427201", "mall_promoter");
        kit.SetDay(Day.AddDays(2), 23);
        await kit.RejectAsync(id);
        kit.SetDay(Day.AddDays(3));
        await kit.ResubmitAsync(worker, id, "530427202", "care_worker");

        DateTime D(int days) => Day.AddDays(days).ToDateTime(TimeOnly.MinValue);
        Assert.Equal(
        [
            (D(0), "530427201", "mall_promoter", "submitted", 1, null),
            (D(2), "530427201", "mall_promoter", "submitted", -1, null),
            (D(2), "530427201", "mall_promoter", "rejected", 1, 2),
            (D(3), "530427201", "mall_promoter", "rejected", -1, null),
            (D(3), "530427202", "care_worker", "submitted", 1, (int?)null),
        ], await JournalOfAsync(id));
    }
}
