namespace MiniApp.Api.Coverage.Reports;

/// <summary>Worker figures of one township × group: stocks at the report date, flows summed over the period.</summary>
public sealed record GroupCell(
    string TownshipCode, string WorkerGroupCode, long SurveyedWorkers, long SurveyedUnits, long SurveyedUnitsWithUnion, long ActiveMembers,
    long OpenApplications, long ApprovedTotal, long RejectedTotal, long WithdrawnTotal,
    long SubmittedInPeriod, long ApprovedInPeriod, long RejectedInPeriod, long WithdrawnInPeriod);

/// <summary>How many decisions of the period took this many whole days, in one township × group.</summary>
public sealed record DecisionCell(string TownshipCode, string WorkerGroupCode, int Days, long Decisions);

/// <summary>Enterprise figures of one township × department × category at the report date.</summary>
public sealed record EnterpriseCell(
    string TownshipCode, string DepartmentCode, string Category, long Enterprises, long WithUnion, long Forming, long Staff,
    long StaffInUnionised, long MembersInUnionised);
