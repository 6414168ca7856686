using Microsoft.AspNetCore.Mvc;

namespace MiniApp.Api.Enterprises;

/// <summary>GET /api/staff/enterprises: the register in the caller's scope, filtered and paged.</summary>
public static class ListEnterprises
{
    public sealed record Query(
        [FromQuery(Name = "township")] string? Township,
        [FromQuery(Name = "department")] string? Department,
        [FromQuery(Name = "status")] string? Status,
        [FromQuery(Name = "minStaff")] int? MinStaff,
        [FromQuery(Name = "keyFlag")] string? KeyFlag,
        [FromQuery(Name = "q")] string? Q,
        [FromQuery(Name = "page")] int? Page,
        [FromQuery(Name = "pageSize")] int? PageSize);

    public sealed record Item(long Id, string Name, string? CreditCode, string? TownshipCode, string? TownshipName,
        string? DepartmentCode, string? DepartmentName, bool InIndustrialPark, int StaffCount,
        IReadOnlyList<string> KeyFlags, string UnionStatus, string UnionStatusName, long? UnionId, string? ContactName,
        string? ContactPhoneMasked, string? Liaison, string? CurrentStepCode, string? CurrentStepName,
        DateOnly? PlannedOn, DateOnly? UnionEstablishedOn, int Version, DateTime UpdatedAt);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long Total);

    public static async Task<Results<Ok<Page>, ProblemHttpResult>> Handle([AsParameters] Query query,
        EnterpriseScope scope, [AsParameters] EnterpriseServices services)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        if (page < 1) return Problems.Validation("page", "页码从1开始");
        if (pageSize is < 1 or > 100) return Problems.Validation("pageSize", "每页条数为1至100");
        var filter = new EnterpriseFilter(EnterpriseFilter.Blank(query.Township),
            EnterpriseFilter.Blank(query.Department), EnterpriseFilter.Blank(query.Status), query.MinStaff,
            EnterpriseFilter.Blank(query.KeyFlag), query.Q);
        if (filter.Validate() is { } invalid) return invalid;

        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var (where, parameters) = filter.ToSql(scope);
        parameters.Add("Limit", pageSize);
        parameters.Add("Offset", (page - 1) * pageSize);
        var total = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM enterprises e" + where, parameters);
        var rows = await db.QueryAsync<EnterpriseRow>(
            EnterpriseRow.SelectSql + where + EnterpriseFilter.OrderBy + " LIMIT @Limit OFFSET @Offset", parameters);
        return TypedResults.Ok(new Page(rows.Select(ToItem).ToList(), page, pageSize, total));
    }

    private static Item ToItem(EnterpriseRow row) => new(row.Id, row.Name, row.CreditCode, row.TownshipCode,
        row.TownshipName, row.DepartmentCode, row.DepartmentName, row.InIndustrialPark, row.StaffCount,
        row.Keys.Codes(), row.UnionStatus, EnterpriseCatalog.UnionStatuses.NameOf(row.UnionStatus) ?? row.UnionStatus,
        row.UnionId,
        row.ContactName, row.ContactPhoneMasked, row.Liaison, row.CurrentStepCode, row.CurrentStepName,
        EnterpriseRow.Date(row.PlannedOn), EnterpriseRow.Date(row.UnionEstablishedOn), row.Version, row.UpdatedAt);
}
