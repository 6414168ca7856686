using MiniApp.Api.Coverage;
using MiniApp.Api.IntegrationTests.Notifications;

namespace MiniApp.Api.IntegrationTests.Coverage.Engine;

/// <summary>One township × group row of coverage_group_daily; a missing row reads as all zeros.</summary>
public sealed record GroupFigures(int SurveyedWorkers = 0, int SurveyedUnits = 0, int SurveyedUnitsWithUnion = 0, int ActiveMembers = 0,
    int OpenApplications = 0, int ApprovedTotal = 0, int RejectedTotal = 0, int WithdrawnTotal = 0, int SubmittedInDay = 0,
    int ApprovedInDay = 0, int RejectedInDay = 0, int WithdrawnInDay = 0)
{
    public static readonly GroupFigures None = new();

    /// <summary>
    /// The test's changes carried on a baseline day: stocks added; flows the test's own; the survey the test's when it set one,
    /// else the baseline's.
    /// </summary>
    public GroupFigures On(GroupFigures baseline) => this with
    {
        SurveyedWorkers = SurveyedWorkers == 0 && SurveyedUnits == 0 ? baseline.SurveyedWorkers : SurveyedWorkers,
        SurveyedUnits = SurveyedWorkers == 0 && SurveyedUnits == 0 ? baseline.SurveyedUnits : SurveyedUnits,
        SurveyedUnitsWithUnion = SurveyedWorkers == 0 && SurveyedUnits == 0 ? baseline.SurveyedUnitsWithUnion : SurveyedUnitsWithUnion,
        ActiveMembers = ActiveMembers + baseline.ActiveMembers,
        OpenApplications = OpenApplications + baseline.OpenApplications,
        ApprovedTotal = ApprovedTotal + baseline.ApprovedTotal,
        RejectedTotal = RejectedTotal + baseline.RejectedTotal,
        WithdrawnTotal = WithdrawnTotal + baseline.WithdrawnTotal,
    };
}

public sealed record EnterpriseFigures(int Enterprises, int WithUnion, int Forming, int Staff, int StaffInUnionised, int MembersInUnionised)
{
    public EnterpriseFigures Plus(EnterpriseFigures? other) => other is null ? this : new(Enterprises + other.Enterprises,
        WithUnion + other.WithUnion, Forming + other.Forming, Staff + other.Staff, StaffInUnionised + other.StaffInUnionised,
        MembersInUnionised + other.MembersInUnionised);
}

/// <summary>
/// Drives the join flow on a far-future clock of the test's own (so the day's journal holds only the test's changes) and
/// reads the figures back. Times are 10:00 China time on the given date.
/// </summary>
internal sealed class CoverageEngineKit(ApiFixture api) : IAsyncDisposable
{
    private readonly SettableClock _clock = new(DateTimeOffset.UnixEpoch);
    private WebApplicationFactory<Program>? _factory;
    private string? _adminToken;

    public WebApplicationFactory<Program> Factory => _factory ??= api.WithClock(_clock);

    public static DateTimeOffset At(DateOnly day, int chinaHour = 10) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(chinaHour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    public void SetDay(DateOnly day, int chinaHour = 10) => _clock.Now = At(day, chinaHour);

    public async Task<(TestPeople.Worker Worker, long Id)> SubmitAsync(string township, string group)
    {
        var worker = await api.LoginWorkerAsync();
        using var client = Client(worker.Token);
        var form = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), group: group, township: township);
        var created = await (await client.PostAsJsonAsync("/api/applications", form)).AssertOkJsonAsync();
        return (worker, created.GetProperty("id").GetInt64());
    }

    public async Task ResubmitAsync(TestPeople.Worker worker, long id, string township, string group)
    {
        using var client = Client(worker.Token);
        var form = TestPeople.Form(TestPeople.NewIdNumber(), TestPeople.NewPhone(), group: group, township: township);
        await (await client.PutAsJsonAsync($"/api/applications/{id}", form)).AssertOkJsonAsync();
    }

    public async Task WithdrawAsync(TestPeople.Worker worker, long id)
    {
        using var client = Client(worker.Token);
        await (await client.PostAsync($"/api/applications/{id}/withdraw", null)).AssertOkJsonAsync();
    }

    public async Task<HttpResponseMessage> ApproveAsync(long id)
    {
        using var client = Client(await AdminTokenAsync());
        return await client.PostAsync($"/api/staff/applications/{id}/approve", null);
    }

    public async Task BatchApproveAsync(params long[] ids)
    {
        using var client = Client(await AdminTokenAsync());
        var body = await (await client.PostAsJsonAsync("/api/staff/applications/batch-approve", new { ids })).AssertOkJsonAsync();
        Assert.All(body.GetProperty("results").EnumerateArray(), r => Assert.Equal("approved", r.GetProperty("outcome").GetString()));
    }

    public async Task RejectAsync(long id)
    {
        using var client = Client(await AdminTokenAsync());
        await (await client.PostAsJsonAsync($"/api/staff/applications/{id}/reject", new { reasonCode = "info_incomplete", note = "缺少材料" }))
            .AssertOkJsonAsync();
    }

    /// <summary>The nightly freeze as scheduled: 00:01 on the given day.</summary>
    public async Task<IReadOnlyList<CoverageDayResult>> FreezeAsync(DateOnly today)
    {
        SetDay(today, 0);
        _clock.Now = _clock.Now.AddMinutes(1);
        var job = await Factory.RunJobAsync<CoverageFreezeJob>(job => job.RunAsync(CancellationToken.None));
        return job.Results;
    }

    public async Task<CoverageDayResult?> RefreshAsync(DateOnly today, int chinaHour = 23, int minute = 0)
    {
        SetDay(today, chinaHour);
        _clock.Now = _clock.Now.AddMinutes(minute);
        var job = await Factory.RunJobAsync<CoverageRefreshJob>(job => job.RunAsync(CancellationToken.None));
        return job.Result;
    }

    public async Task<string> CommandAsync(string command, params string[] options)
    {
        var output = new StringWriter();
        await CoverageCommands.RunAsync(Factory.Services, command, options, output, CancellationToken.None);
        return output.ToString();
    }

    public async Task<CoverageDayResult> ComputeAsync(DateOnly day, CoverageMode? mode, bool freeze, bool readRegister = true)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await using var connection = await OpenAsync();
        return await scope.ServiceProvider.GetRequiredService<CoverageDays>().ComputeAsync(connection, day, mode, freeze, readRegister,
            CancellationToken.None);
    }

    public Task<MySqlConnection> OpenAsync() => api.Database.OpenAsync();

    public async Task<GroupFigures> GroupAsync(DateOnly day, string township, string group)
    {
        await using var db = await OpenAsync();
        return await db.QuerySingleOrDefaultAsync<GroupFigures>("""
            SELECT surveyed_workers, surveyed_units, surveyed_units_with_union, active_members, open_applications, approved_total,
                rejected_total, withdrawn_total, submitted_in_day, approved_in_day, rejected_in_day, withdrawn_in_day
            FROM coverage_group_daily WHERE day = @day AND township_code = @township AND worker_group_code = @group
            """, new { day = day.ToDateTime(TimeOnly.MinValue), township, group }) ?? GroupFigures.None;
    }

    /// <summary>The decision-day histogram of a cell: days → decisions.</summary>
    public async Task<Dictionary<int, int>> DecisionDaysAsync(DateOnly day, string township, string group)
    {
        await using var db = await OpenAsync();
        return (await db.QueryAsync<(int Days, int Decisions)>(
                "SELECT days, decisions FROM coverage_decision_days WHERE day = @day AND township_code = @township AND worker_group_code = @group",
                new { day = day.ToDateTime(TimeOnly.MinValue), township, group }))
            .ToDictionary(r => r.Days, r => r.Decisions);
    }

    /// <summary>A township's enterprise figures: (department, category) → figures.</summary>
    public async Task<Dictionary<(string Department, string Category), EnterpriseFigures>> EnterprisesAsync(DateOnly day, string township)
    {
        await using var db = await OpenAsync();
        var rows = await db.QueryAsync<(string Department, string Category, int Enterprises, int WithUnion, int Forming, int Staff,
            int StaffInUnionised, int MembersInUnionised)>("""
            SELECT department_code, category, enterprises, with_union, forming, staff, staff_in_unionised, members_in_unionised
            FROM coverage_enterprise_daily WHERE day = @day AND township_code = @township
            """, new { day = day.ToDateTime(TimeOnly.MinValue), township });
        return rows.ToDictionary(r => (r.Department, r.Category),
            r => new EnterpriseFigures(r.Enterprises, r.WithUnion, r.Forming, r.Staff, r.StaffInUnionised, r.MembersInUnionised));
    }

    /// <summary>Every figure row of a day, as text, to compare two computations of the whole day.</summary>
    public async Task<List<string>> WholeDayAsync(DateOnly day)
    {
        await using var db = await OpenAsync();
        var parameters = new { day = day.ToDateTime(TimeOnly.MinValue) };
        var rows = new List<string>();
        rows.AddRange(await db.QueryAsync<string>("""
            SELECT CONCAT_WS('|', 'g', township_code, worker_group_code, surveyed_workers, surveyed_units, surveyed_units_with_union,
                active_members, open_applications, approved_total, rejected_total, withdrawn_total, submitted_in_day, approved_in_day,
                rejected_in_day, withdrawn_in_day)
            FROM coverage_group_daily WHERE day = @day ORDER BY township_code, worker_group_code
            """, parameters));
        rows.AddRange(await db.QueryAsync<string>("""
            SELECT CONCAT_WS('|', 'd', township_code, worker_group_code, days, decisions)
            FROM coverage_decision_days WHERE day = @day ORDER BY township_code, worker_group_code, days
            """, parameters));
        rows.AddRange(await db.QueryAsync<string>("""
            SELECT CONCAT_WS('|', 'e', township_code, department_code, category, enterprises, with_union, forming, staff, staff_in_unionised,
                members_in_unionised)
            FROM coverage_enterprise_daily WHERE day = @day ORDER BY township_code, department_code, category
            """, parameters));
        return rows;
    }

    /// <summary>The enterprise rows of a day, as text, to compare two days' or two computations'.</summary>
    public async Task<List<string>> EnterpriseRowsAsync(DateOnly day) =>
        (await WholeDayAsync(day)).Where(row => row.StartsWith("e|", StringComparison.Ordinal)).ToList();

    /// <summary>How many journal rows each day's figures took in (counted_day), for the rows dated the given day.</summary>
    public async Task<Dictionary<DateOnly, int>> CountedDaysAsync(DateOnly day, string township, string group)
    {
        await using var db = await OpenAsync();
        return (await db.QueryAsync<(DateTime? Counted, int Rows)>("""
                SELECT counted_day, COUNT(*) FROM coverage_deltas
                WHERE day = @day AND township_code = @township AND worker_group_code = @group GROUP BY counted_day
                """, new { day = day.ToDateTime(TimeOnly.MinValue), township, group }))
            .ToDictionary(r => r.Counted is { } counted ? DateOnly.FromDateTime(counted) : DateOnly.MinValue, r => r.Rows);
    }

    public async Task<bool> HasDayAsync(DateOnly day)
    {
        await using var db = await OpenAsync();
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM coverage_days WHERE day = @day",
            new { day = day.ToDateTime(TimeOnly.MinValue) }) > 0;
    }

    public async Task<(bool Frozen, string Mode, int DeltasRead, int RowsRead, DateTime ComputedAt, DateTime? FrozenAt)> DayStateAsync(DateOnly day)
    {
        await using var db = await OpenAsync();
        return await db.QuerySingleAsync<(bool, string, int, int, DateTime, DateTime?)>(
            "SELECT frozen, mode, deltas_read, rows_read, computed_at, frozen_at FROM coverage_days WHERE day = @day",
            new { day = day.ToDateTime(TimeOnly.MinValue) });
    }

    public async Task<int> JournalRowsAsync(DateOnly day)
    {
        await using var db = await OpenAsync();
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM coverage_deltas WHERE day = @day", new { day = day.ToDateTime(TimeOnly.MinValue) });
    }

    public async Task AddSurveyAsync(DateOnly periodStart, string township, string group, int workers, int units, int unitsWithUnion)
    {
        await using var db = await OpenAsync();
        await db.ExecuteAsync("""
            INSERT INTO group_surveys (period_start, township_code, worker_group_code, workers, units, units_with_union, coverage_mode, updated_at)
            VALUES (@periodStart, @township, @group, @workers, @units, @unitsWithUnion, 'joint', UTC_TIMESTAMP(6))
            """, new { periodStart = periodStart.ToDateTime(TimeOnly.MinValue), township, group, workers, units, unitsWithUnion });
    }

    private async Task<string> AdminTokenAsync()
    {
        if (_adminToken is not null) return _adminToken;
        var (admin, _) = await api.CreateAsync(StaffRoles.CountyAdmin, unionId: 1);
        return _adminToken = await api.StaffTokenAsync(admin);
    }

    private HttpClient Client(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
