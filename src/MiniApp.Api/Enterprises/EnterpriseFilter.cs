namespace MiniApp.Api.Enterprises;

/// <summary>
/// The filters the list and the forms share, as a WHERE over enterprises aliased e (always inside the caller's
/// scope). keyFlag is one code of <see cref="EnterpriseCatalog.KeyFlags"/> or "any"; q matches a name part or a
/// credit-code prefix.
/// </summary>
public sealed record EnterpriseFilter(string? Township, string? Department, string? Status = null, int? MinStaff = null,
    string? KeyFlag = null, string? Q = null)
{
    public const string AnyKeyFlag = "any";

    public const string AnyKeySql =
        "(e.key_npc_cppcc = 1 OR e.key_top_private = 1 OR e.key_top_entrepreneur = 1 OR e.key_yuxi_industrial = 1)";

    /// <summary>Township by the county's order, then the largest first: the order of the forms.</summary>
    public const string OrderBy = " ORDER BY COALESCE(r.sort_order, 999), e.staff_count DESC, e.id";

    public ProblemHttpResult? Validate()
    {
        if (Township is not null && (Township.Length != 9 || !Township.All(char.IsAsciiDigit)))
            return Problems.Validation("township", "乡镇（街道）代码为9位数字");
        if (Department is { Length: 0 or > 40 }) return Problems.Validation("department", "责任部门代码不正确");
        if (Status is not null && !EnterpriseCatalog.UnionStatuses.IsKnown(Status))
            return Problems.Validation("status", "建会状态只能是 none、forming 或 established");
        if (MinStaff is < 0) return Problems.Validation("minStaff", "职工人数下限不能为负数");
        if (KeyFlag is not null && KeyFlag != AnyKeyFlag && !EnterpriseCatalog.KeyFlags.IsKnown(KeyFlag))
        {
            return Problems.Validation("keyFlag",
                "重点类别只能是 npc_cppcc、top_private、top_entrepreneur、yuxi_industrial 或 any");
        }
        if (Q?.Trim() is { Length: > 50 }) return Problems.Validation("q", "搜索内容不能超过50个字");
        return null;
    }

    public (string Where, DynamicParameters Parameters) ToSql(EnterpriseScope scope)
    {
        var where = new StringBuilder(" WHERE " + EnterpriseScope.Sql);
        var parameters = new DynamicParameters();
        scope.Parameters(parameters);
        if (Township is not null) where.Append(" AND e.township_code = @Township");
        if (Department is not null) where.Append(" AND e.department_code = @Department");
        if (Status is not null) where.Append(" AND e.union_status = @Status");
        if (MinStaff is not null) where.Append(" AND e.staff_count >= @MinStaff");
        if (KeyFlag == AnyKeyFlag) where.Append(" AND " + AnyKeySql);
        // KeyFlag is a code of the catalog here, checked in Validate.
        else if (KeyFlag is not null) where.Append($" AND e.key_{KeyFlag} = 1");
        var search = Q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            where.Append(" AND (e.name LIKE @Search OR e.credit_code LIKE @CodePrefix)");
            parameters.Add("Search", "%" + EscapeLike(search) + "%");
            parameters.Add("CodePrefix", EscapeLike(search.ToUpperInvariant()) + "%");
        }
        parameters.Add("Township", Township);
        parameters.Add("Department", Department);
        parameters.Add("Status", Status);
        parameters.Add("MinStaff", MinStaff);
        return (where.ToString(), parameters);
    }

    /// <summary>A query value as a filter takes it: trimmed, and null when blank.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
