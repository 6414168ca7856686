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

    public sealed record Item(long Id, string Name, string? CreditCode, string? TownshipCode, string? TownshipName, string? DepartmentCode,
        string? DepartmentName, bool InIndustrialPark, int StaffCount, IReadOnlyList<string> KeyFlags, string UnionStatus, string UnionStatusName,
        long? UnionId, string? ContactName, string? ContactPhoneMasked, string? Liaison, string? CurrentStepCode, string? CurrentStepName,
        DateOnly? PlannedOn, DateOnly? UnionEstablishedOn, int Version, DateTime UpdatedAt);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long Total);

    public static async Task<Results<Ok<Page>, ProblemHttpResult>> Handle([AsParameters] Query query, ClaimsPrincipal principal,
        MySqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        if (page < 1) return Problems.Validation("page", "页码从1开始");
        if (pageSize is < 1 or > 100) return Problems.Validation("pageSize", "每页条数为1至100");
        var filter = new EnterpriseFilter(Blank(query.Township), Blank(query.Department), Blank(query.Status), query.MinStaff, Blank(query.KeyFlag),
            query.Q);
        if (filter.Validate() is { } invalid) return invalid;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (scope, problem) = await EnterpriseScope.LoadAsync(connection, principal, cancellationToken);
        if (scope is null) return problem!;
        var (where, parameters) = filter.ToSql(scope);
        parameters.Add("Limit", pageSize);
        parameters.Add("Offset", (page - 1) * pageSize);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM enterprises e" + where, parameters,
            cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<EnterpriseRow>(new CommandDefinition(
            EnterpriseRow.SelectSql + where + EnterpriseFilter.OrderBy + " LIMIT @Limit OFFSET @Offset", parameters, cancellationToken: cancellationToken));
        return TypedResults.Ok(new Page(rows.Select(ToItem).ToList(), page, pageSize, total));
    }

    private static Item ToItem(EnterpriseRow row) => new(row.Id, row.Name, row.CreditCode, row.TownshipCode, row.TownshipName, row.DepartmentCode,
        row.DepartmentName, row.InIndustrialPark, row.StaffCount, row.Keys.Codes(), row.UnionStatus,
        EnterpriseCatalog.UnionStatuses.NameOf(row.UnionStatus) ?? row.UnionStatus, row.UnionId, row.ContactName, row.ContactPhoneMasked,
        row.Liaison, row.CurrentStepCode, row.CurrentStepName, EnterpriseRow.Date(row.PlannedOn), EnterpriseRow.Date(row.UnionEstablishedOn),
        row.Version, row.UpdatedAt);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
