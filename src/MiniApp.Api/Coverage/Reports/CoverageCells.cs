namespace MiniApp.Api.Coverage.Reports;

/// <summary>Worker figures of one township × group: stocks at the report date, flows summed over the period.</summary>
public sealed record GroupCell(
    string TownshipCode, string WorkerGroupCode,
    long SurveyedWorkers, long SurveyedUnits, long SurveyedUnitsWithUnion, long ActiveMembers,
    long OpenApplications, long ApprovedTotal, long RejectedTotal, long WithdrawnTotal,
    long SubmittedInPeriod, long ApprovedInPeriod, long RejectedInPeriod, long WithdrawnInPeriod)
{
    /// <summary>A cell with nothing counted yet, to set the figures a reader has with <c>with</c>.</summary>
    public static GroupCell Zero(string townshipCode, string workerGroupCode) =>
        new(townshipCode, workerGroupCode, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>How many decisions of the period took this many whole days, in one township × group.</summary>
public sealed record DecisionCell(string TownshipCode, string WorkerGroupCode, int Days, long Decisions);

/// <summary>Enterprise figures of one township × department × category at the report date.</summary>
public sealed record EnterpriseCell(
    string TownshipCode, string DepartmentCode, string Category,
    long Enterprises, long WithUnion, long Forming, long Staff, long StaffInUnionised, long MembersInUnionised)
{
    /// <summary>A cell with nothing counted yet, to set the figures a reader has with <c>with</c>.</summary>
    public static EnterpriseCell Zero(string townshipCode, string departmentCode, string category) =>
        new(townshipCode, departmentCode, category, 0, 0, 0, 0, 0, 0);

    public EnterpriseCell Plus(EnterpriseCell other) => this with
    {
        Enterprises = Enterprises + other.Enterprises,
        WithUnion = WithUnion + other.WithUnion,
        Forming = Forming + other.Forming,
        Staff = Staff + other.Staff,
        StaffInUnionised = StaffInUnionised + other.StaffInUnionised,
        MembersInUnionised = MembersInUnionised + other.MembersInUnionised,
    };
}
