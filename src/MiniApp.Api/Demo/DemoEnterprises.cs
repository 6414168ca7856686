using MiniApp.Api.Enterprises;

namespace MiniApp.Api.Demo;

/// <summary>
/// Demo enterprises of the 百人以上企业建会 register and 摸底 survey figures for the groups, so the staff pages and the
/// county's reports have something to show on a local run. Kept when present (matched by credit code and survey key).
/// </summary>
internal static class DemoEnterprises
{
    private sealed record Enterprise(string Code, string Name, string Township, string Department, int Staff,
        int Female, int Migrant, bool Npc, bool TopPrivate, bool Entrepreneur, bool Yuxi, bool Park, string? Group,
        int GroupHeadcount, bool Established, int Members);

    private static readonly Enterprise[] Enterprises =
    [
        new("91530427MA6K00010L", "新平恒达物流有限公司", "530427001", "transport",
            180, 20, 150, false, false, false, false, false, "truck_driver", 120, false, 0),
        new("91530427MA6K00020M", "新平顺畅货运有限公司", "530427100", "transport",
            130, 8, 110, false, false, false, false, false, "truck_driver", 95, true, 102),
        new("91530427MA6K00030N", "新平金山矿业有限公司", "530427102", "industry_technology",
            620, 90, 380, true, false, false, true, false, null, 0, true, 540),
        new("91530427MA6K00040P", "新平绿源糖业有限公司", "530427101", "industry_technology",
            410, 150, 260, false, true, true, true, true, null, 0, false, 0),
        new("91530427MA6K00050Q", "新平安康护理服务有限公司", "530427002", "health",
            105, 88, 70, false, false, false, false, false, "care_worker", 80, false, 0),
        new("91530427MA6K00060R", "新平平安保安服务有限公司", "530427001", "public_security",
            150, 12, 120, false, false, false, false, false, "security_guard", 140, false, 0),
    ];

    private static readonly string[] Townships =
    [
        "530427001", "530427002", "530427100", "530427101", "530427102", "530427103", "530427200", "530427201",
        "530427202", "530427203", "530427204", "530427205",
    ];

    // (group, workers in the biggest township, units there): smaller townships get a share of it.
    private static readonly (string Group, int Workers, int Units)[] Groups =
    [
        ("truck_driver", 420, 18), ("courier", 160, 9), ("food_delivery_rider", 120, 3), ("care_worker", 60, 4),
        ("security_guard", 90, 5),
    ];

    private const string EnterpriseSql = """
        INSERT INTO enterprises (name, credit_code, township_code, department_code, staff_count, female_staff_count,
            migrant_staff_count, key_npc_cppcc, key_top_private, key_top_entrepreneur, key_yuxi_industrial,
            in_industrial_park, member_count, union_status, no_union_reason, planned_on, created_at, updated_at)
        VALUES (@Name, @Code, @Township, @Department, @Staff, @Female, @Migrant, @Npc, @TopPrivate, @Entrepreneur,
            @Yuxi, @Park, @Members, 'none', @Reason, @PlannedOn, @Now, @Now)
        ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id);
        SELECT LAST_INSERT_ID();
        """;

    private const string GroupSql = """
        INSERT INTO enterprise_worker_groups (enterprise_id, worker_group_code, headcount)
        VALUES (@id, @Group, @GroupHeadcount)
        ON DUPLICATE KEY UPDATE headcount = headcount
        """;

    private const string SurveySql = """
        INSERT INTO group_surveys (period_start, township_code, worker_group_code, workers, units, units_with_union,
            coverage_mode, updated_at)
        VALUES ('2026-11-01', @Township, @group, @Workers, @Units, @WithUnion, 'regional', @now)
        ON DUPLICATE KEY UPDATE workers = workers
        """;

    public static async Task LoadAsync(Db tx, DateTime now)
    {
        foreach (var e in Enterprises) await LoadEnterpriseAsync(tx, e, now);
        await LoadSurveysAsync(tx, now);
    }

    private static async Task LoadEnterpriseAsync(Db tx, Enterprise e, DateTime now)
    {
        var id = await tx.ExecuteScalarAsync<long>(EnterpriseSql, new
        {
            e.Name, e.Code, e.Township, e.Department, e.Staff, e.Female, e.Migrant, e.Npc, e.TopPrivate, e.Entrepreneur,
            e.Yuxi, e.Park, e.Members, Reason = e.Established ? null : "企业对建会程序不熟悉，正在走访宣传",
            PlannedOn = e.Established ? (DateTime?)null : new DateTime(2026, 12, 31), Now = now,
        });
        if (e.Group is not null) await tx.ExecuteAsync(GroupSql, new { id, e.Group, e.GroupHeadcount });
        if (e.Established)
        {
            await EnterpriseUnion.EnsureAsync(tx, id, new DateOnly(2026, 6, 30), now);
        }
    }

    private static async Task LoadSurveysAsync(Db tx, DateTime now)
    {
        for (var t = 0; t < Townships.Length; t++)
        {
            foreach (var (group, workers, units) in Groups)
            {
                var share = t < 2 ? 1.0 : 0.6 / (t - 1);  // the two 街道 are the busiest
                var unitCount = Math.Max(1, (int)Math.Round(units * share));
                await tx.ExecuteAsync(SurveySql, new
                {
                    Township = Townships[t], group, Workers = Math.Max(5, (int)Math.Round(workers * share)),
                    Units = unitCount, WithUnion = unitCount / 3, now,
                });
            }
        }
    }
}
