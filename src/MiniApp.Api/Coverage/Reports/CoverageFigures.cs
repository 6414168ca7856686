namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// Worker figures of one roll-up. 入会率 (joinRate) = surveyedGroupMembers ÷ surveyedWorkers: its denominator is the
/// surveyed group (附件2 从业人数), named in <see cref="Denominator"/>, and its numerator counts only the members of the
/// township × group cells that have surveyed workers, so members of a group nobody surveyed never raise the rate.
/// activeMembers counts every member. Stocks are as at the report date; *InPeriod sum the days from..date; decision
/// days are nearest-rank over the decisions of the period.
/// </summary>
public sealed record WorkerFigures(
    long SurveyedWorkers, long SurveyedUnits, long SurveyedUnitsWithUnion, decimal? UnitsUnionRate,
    long ActiveMembers, long SurveyedGroupMembers, decimal? JoinRate, decimal? GapToTarget, string Denominator,
    long OpenApplications, long ApprovedTotal, long RejectedTotal, long WithdrawnTotal,
    long SubmittedInPeriod, long ApprovedInPeriod, long RejectedInPeriod, long WithdrawnInPeriod,
    int? DecisionDaysMedian, int? DecisionDaysP90)
{
    public const string SurveyedGroup = "surveyed_group";
}

/// <summary>建会率 of one key category of enterprises (人大代表和政协委员所在企业, …), whatever their size.</summary>
public sealed record KeyCategoryFigures(
    string Category, string Name, long Enterprises, long WithUnion, decimal? UnionRate, decimal? GapToTarget);

/// <summary>
/// Enterprise figures of one roll-up at the report date. 建会率 (unionRate) = withUnion ÷ enterprises100Plus. The
/// members' rate inside unionised enterprises uses their staff as denominator (<see cref="MemberRateDenominator"/>),
/// the one the 全总 yearbooks publish.
/// </summary>
public sealed record EnterpriseFigures(
    long Enterprises100Plus, long WithUnion, long Forming, decimal? UnionRate, decimal? GapToTarget,
    long Staff, long StaffInUnionised, long MembersInUnionised, decimal? MemberRateInUnionised,
    string MemberRateDenominator,
    IReadOnlyList<KeyCategoryFigures> KeyCategories)
{
    public const string UnionisedEnterpriseStaff = "unionised_enterprise_staff";
}

/// <summary>One line of a report: a township, group or department (key and Chinese name), or the total.</summary>
public sealed record ReportRow(string Key, string Name, WorkerFigures Workers, EnterpriseFigures? Enterprises);

/// <summary>The categories of coverage_enterprise_daily: all 100+ enterprises, then the plan's key enterprises.
/// </summary>
public static class EnterpriseCategories
{
    public const string All100Plus = "all_100plus";

    public static readonly IReadOnlyList<(string Code, string Name)> Key =
    [
        ("key_npc_cppcc", "各级人大代表和政协委员所在企业"),
        ("key_top_private", "云南省百户优强民营企业"),
        ("key_top_entrepreneur", "云南省百名优秀企业家所在企业"),
        ("key_yuxi_industrial", "玉溪市2019年100户重点培育工业企业"),
    ];
}

public static class ReportKeys
{
    public const string Township = "township";
    public const string Group = "group";
    public const string Department = "department";
    public const string Total = "total";
    public const string TotalName = "合计";

    public static bool IsKnown(string by) => by is Township or Group or Department;

    /// <summary>The key the query's by names (township when absent); adds "by: message" when it names none.</summary>
    public static string Parse(string? by, Dictionary<string, string[]> errors)
    {
        var key = string.IsNullOrWhiteSpace(by) ? Township : by.Trim().ToLowerInvariant();
        if (!IsKnown(key)) errors["by"] = ["by 只能是 township（乡镇）、group（群体）或 department（主管部门）"];
        return key;
    }

    public static string Label(string by) => by switch
    {
        Township => "乡镇(街道)",
        Group => "群体",
        _ => "主管部门",
    };
}
