using MiniApp.Api.Applications;

namespace MiniApp.Api.Review;

/// <summary>
/// GET /api/staff/applications: the review queue of the staff member's union subtree, oldest first, masked, flagged.
/// </summary>
public static class ListApplications
{
    public sealed record Query(string? Status, string? Group, string? Township, long? StationId, DateOnly? From,
        DateOnly? To, int? Page, int? PageSize);

    public sealed record Page(IReadOnlyList<ApplicationForReview> Items, int PageNumber, int PageSize, long Total);

    private const string CountSql =
        "SELECT COUNT(*) FROM applications a JOIN organizations o ON o.id = a.receiving_union_id";

    public static async Task<Results<Ok<Page>, ProblemHttpResult>> Handle([AsParameters] Query query,
        StaffContext staff, [AsParameters] ReviewServices services)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        if (page < 1) return Problems.Validation("page", "页码从1开始");
        if (pageSize is < 1 or > 100) return Problems.Validation("pageSize", "每页条数为1至100");
        if (query.Status is not null && !ApplicationStatuses.IsKnown(query.Status))
            return Problems.Validation("status", "申请状态不正确");
        var dateErrors = new Dictionary<string, string[]>();
        DateRange.Check(query.From, "from", dateErrors);
        DateRange.Check(query.To, "to", dateErrors);
        if (dateErrors.Count > 0) return Problems.Validation(dateErrors);

        await using var connection = await services.OpenAsync();
        var db = connection.Db(services.Cancellation);
        var where = Where(query);
        var parameters = new
        {
            ScopePrefix = staff.UnionPath + "%",
            query.Status, query.Group, query.Township, query.StationId,
            FromUtc = query.From is { } from ? ChinaMidnightUtc(from) : (DateTime?)null,
            ToUtc = query.To is { } to ? ChinaMidnightUtc(to.AddDays(1)) : (DateTime?)null,
            Offset = (page - 1) * pageSize, Limit = pageSize,
        };
        var total = await db.ExecuteScalarAsync<long>(CountSql + where, parameters);
        var rows = (await db.QueryAsync<ApplicationRow>(
            ApplicationRow.SelectSql + where + " ORDER BY a.submitted_at, a.id LIMIT @Limit OFFSET @Offset",
            parameters)).ToList();
        var items = await ApplicationForReview.LoadAsync(db, staff, rows);
        return TypedResults.Ok(new Page(items, page, pageSize, total));
    }

    /// <summary>The caller's subtree and the filters given.</summary>
    private static string Where(Query query)
    {
        var where = new StringBuilder(" WHERE o.path LIKE @ScopePrefix");
        if (query.Status is not null) where.Append(" AND a.status = @Status");
        if (query.Group is not null) where.Append(" AND a.worker_group_code = @Group");
        if (query.Township is not null) where.Append(" AND a.residence_township = @Township");
        if (query.StationId is not null) where.Append(" AND a.station_id = @StationId");
        if (query.From is not null) where.Append(" AND a.submitted_at >= @FromUtc");
        if (query.To is not null) where.Append(" AND a.submitted_at < @ToUtc");
        return where.ToString();
    }

    // from/to are dates as the reviewer reads them, in China time.
    private static DateTime ChinaMidnightUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), ChinaTime.Zone);
}
