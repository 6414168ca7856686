using Microsoft.AspNetCore.Identity;

namespace MiniApp.Api.Demo;

/// <summary>
/// Demo stations, staff, enterprises and survey figures for a local run, loaded only by `MiniApp.Api seed-demo` (which
/// scripts/dev.sh calls), never by the API's own start-up. Safe to run again: existing rows, passwords included, are
/// kept.
/// </summary>
public sealed class DemoData(MySqlDataSource dataSource, IPasswordHasher<StaffPassword> hasher, TimeProvider clock,
    ILogger<DemoData> logger)
{
    /// <summary>Dev only. The README says so; production accounts are created by a county admin.</summary>
    public const string DemoPassword = "demo-Passw0rd";

    private sealed record DemoStaff(string Username, string DisplayName, string Role, long UnionId, string? Department);

    private sealed record DemoStation(string Code, string Name, string Type, string Address, string Region, decimal Lat,
        decimal Lng, string[] Facilities, string Hours, long Union);

    private static readonly DemoStaff[] Staff =
    [
        new("xp-admin", "县总工会管理员", StaffRoles.CountyAdmin, 1, null),
        new("xp-guishan", "桂山街道总工会审核员", StaffRoles.UnionReviewer, 2, null),
        new("xp-transport", "县交通运输局联络员", StaffRoles.DepartmentViewer, 1, "transport"),
    ];

    // GCJ-02 coordinates, placed by hand near each township seat. Facilities and access methods are codes
    // (V4__stations.sql).
    private static readonly DemoStation[] Stations =
    [
        new("XP0001", "桂山街道司机之家", "driver_home", "新平县桂山街道新平大道物流园", "530427001",
            24.070512m, 101.990334m,
            ["drinking_water", "meal_heating", "charging", "toilet", "rest", "shower", "laundry", "parking"],
            """{"allDay":true,"afterHoursAccess":"scan_qr"}""", 2),
        new("XP0002", "古城街道工会驿站", "union_post", "新平县古城街道古城社区服务中心一楼", "530427002",
            24.061808m, 101.979215m,
            ["drinking_water", "meal_heating", "charging", "toilet", "rest", "first_aid", "wifi"],
            """{"weekly":[{"days":[1,2,3,4,5,6,7],"open":"08:00","close":"20:00"}],"afterHoursAccess":"attendant"}""",
            3),
        new("XP0003", "戛洒镇户外劳动者服务站点", "union_post", "新平县戛洒镇花腰傣大道邮政所旁", "530427102",
            24.013450m, 101.577820m,
            ["drinking_water", "charging", "toilet", "rest", "air_conditioning"],
            """{"weekly":[{"days":[1,2,3,4,5],"open":"08:30","close":"18:00"}],"afterHoursAccess":"attendant"}""", 6),
        new("XP0004", "扬武镇司机之家", "driver_home", "新平县扬武镇玉元高速服务区", "530427100",
            24.236910m, 102.168450m,
            ["drinking_water", "meal_heating", "toilet", "rest", "shower", "parking", "vehicle_repair",
                "convenience_store"],
            """{"allDay":true,"afterHoursAccess":"scan_qr"}""", 4),
    ];

    private const string StaffSql = """
        INSERT INTO staff (username, display_name, password_hash, role, union_id, department_code, created_at)
        VALUES (@Username, @DisplayName, @PasswordHash, @Role, @UnionId, @Department, @Now)
        ON DUPLICATE KEY UPDATE id = id
        """;

    private const string StationSql = """
        INSERT INTO stations (code, name, type, address, region_code, latitude, longitude, facilities, opening_hours,
            owning_union_id, status, created_at, updated_at)
        VALUES (@Code, @Name, @Type, @Address, @Region, @Lat, @Lng, @Facilities, @Hours, @Union, 'active', @Now, @Now)
        ON DUPLICATE KEY UPDATE id = id
        """;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tx = connection.Db(transaction, cancellationToken);
        foreach (var s in Staff)
        {
            var passwordHash = hasher.HashPassword(new StaffPassword(), DemoPassword);
            await tx.ExecuteAsync(StaffSql, new
            {
                s.Username, s.DisplayName, PasswordHash = passwordHash, s.Role, s.UnionId, s.Department, Now = now,
            });
        }
        foreach (var s in Stations)
        {
            await tx.ExecuteAsync(StationSql, new
            {
                s.Code, s.Name, s.Type, s.Address, s.Region, s.Lat, s.Lng,
                Facilities = JsonSerializer.Serialize(s.Facilities), s.Hours, s.Union, Now = now,
            });
        }
        await DemoEnterprises.LoadAsync(tx, now);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Demo data present: {StaffCount} staff accounts, {StationCount} stations, enterprises and survey figures",
            Staff.Length, Stations.Length);
    }
}
