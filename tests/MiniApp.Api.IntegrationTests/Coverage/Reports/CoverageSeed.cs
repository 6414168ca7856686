namespace MiniApp.Api.IntegrationTests.Coverage.Reports;

/// <summary>
/// Daily figures written straight into the coverage tables, as the coverage engine would have written them. Rows that are
/// there already stay (INSERT IGNORE), so every test of a class may seed the same set.
/// </summary>
internal sealed class CoverageSeed(ApiFixture api)
{
    private readonly List<(string Sql, object Row)> _rows = [];

    public CoverageSeed Day(string day, bool frozen = true, string computedAt = "2034-01-01 00:00:00")
    {
        _rows.Add(("""
            INSERT IGNORE INTO coverage_days (day, frozen, mode, computed_at, frozen_at)
            VALUES (@day, @frozen, 'full', @computedAt, CASE WHEN @frozen THEN @computedAt END)
            """, new { day, frozen, computedAt }));
        return this;
    }

    /// <summary>One township × group on a day: stocks (workers, units, with union, members, open, approved, rejected, withdrawn) and flows.</summary>
    public CoverageSeed Group(string day, string township, string group, int workers = 0, int units = 0, int unitsWithUnion = 0, int members = 0,
        int open = 0, int approvedTotal = 0, int rejectedTotal = 0, int withdrawnTotal = 0, int submitted = 0, int approved = 0, int rejected = 0,
        int withdrawn = 0)
    {
        _rows.Add(("""
            INSERT IGNORE INTO coverage_group_daily (day, township_code, worker_group_code, surveyed_workers, surveyed_units, surveyed_units_with_union,
                active_members, open_applications, approved_total, rejected_total, withdrawn_total, submitted_in_day, approved_in_day,
                rejected_in_day, withdrawn_in_day)
            VALUES (@day, @township, @group, @workers, @units, @unitsWithUnion, @members, @open, @approvedTotal, @rejectedTotal, @withdrawnTotal,
                @submitted, @approved, @rejected, @withdrawn)
            """, new
        {
            day, township, group, workers, units, unitsWithUnion, members, open, approvedTotal, rejectedTotal, withdrawnTotal, submitted, approved,
            rejected, withdrawn,
        }));
        return this;
    }

    public CoverageSeed Decisions(string day, string township, string group, int days, int decisions)
    {
        _rows.Add(("""
            INSERT IGNORE INTO coverage_decision_days (day, township_code, worker_group_code, days, decisions) VALUES (@day, @township, @group, @days, @decisions)
            """, new { day, township, group, days, decisions }));
        return this;
    }

    public CoverageSeed Enterprises(string day, string township, string department, string category, int enterprises, int withUnion, int forming = 0,
        int staff = 0, int staffInUnionised = 0, int membersInUnionised = 0)
    {
        _rows.Add(("""
            INSERT IGNORE INTO coverage_enterprise_daily (day, township_code, department_code, category, enterprises, with_union, forming, staff,
                staff_in_unionised, members_in_unionised)
            VALUES (@day, @township, @department, @category, @enterprises, @withUnion, @forming, @staff, @staffInUnionised, @membersInUnionised)
            """, new { day, township, department, category, enterprises, withUnion, forming, staff, staffInUnionised, membersInUnionised }));
        return this;
    }

    public async Task SaveAsync()
    {
        await using var db = await api.Database.OpenAsync();
        foreach (var (sql, row) in _rows) await db.ExecuteAsync(sql, row);
    }
}
