namespace MiniApp.Api.Coverage.Reports;

/// <summary>
/// Rolls township × group cells up by township, group or department, with one row for every key in scope (zeros
/// where nothing was counted) in the reference order, and a total over the scope that counts each cell once, so a
/// group two departments lead appears under both departments but once in the total. 入会率 takes the members of a
/// cell into its numerator only when the cell has surveyed workers: the denominator exists only where a 附件2 survey
/// does.
/// </summary>
public static class CoverageRollup
{
    public sealed record Rolled(IReadOnlyList<ReportRow> Rows, ReportRow Total);

    public static Rolled Build(string by, CoverageReference reference, ReportScope scope,
        CoverageReader.Figures figures)
    {
        var keys = Keys(by, reference, scope);
        var workers = keys.ToDictionary(k => k.Code, _ => new WorkerTally());
        var total = new WorkerTally();
        // The total counts each cell once; a key counts it when it is in the scope's keys.
        IEnumerable<WorkerTally> Tallies(string township, string group) => WorkerKeys(by, reference, township, group)
            .Select(workers.GetValueOrDefault).OfType<WorkerTally>().Prepend(total);
        foreach (var cell in figures.Groups)
            foreach (var tally in Tallies(cell.TownshipCode, cell.WorkerGroupCode)) tally.Add(cell);
        foreach (var cell in figures.Decisions)
            foreach (var tally in Tallies(cell.TownshipCode, cell.WorkerGroupCode)) tally.Add(cell);

        Dictionary<string, EnterpriseTally>? enterprises = null;
        EnterpriseTally? enterpriseTotal = null;
        if (figures.Enterprises is { } cells)
        {
            enterpriseTotal = new EnterpriseTally();
            enterprises = by == ReportKeys.Group ? null : keys.ToDictionary(k => k.Code, _ => new EnterpriseTally());
            foreach (var cell in cells)
            {
                enterpriseTotal.Add(cell);
                var key = by == ReportKeys.Township ? cell.TownshipCode : cell.DepartmentCode;
                if (enterprises is not null && enterprises.TryGetValue(key, out var tally)) tally.Add(cell);
            }
        }

        var rows = keys.Select(k =>
            new ReportRow(k.Code, k.Name, workers[k.Code].Figures(), enterprises?[k.Code].Figures())).ToList();
        return new Rolled(rows,
            new ReportRow(ReportKeys.Total, ReportKeys.TotalName, total.Figures(), enterpriseTotal?.Figures()));
    }

    /// <summary>The keys a report has rows for: every township, group or department within the scope.</summary>
    public static IReadOnlyList<CoverageReference.Item> Keys(string by, CoverageReference reference,
        ReportScope scope) => by switch
        {
            ReportKeys.Township => reference.Townships.Where(t => scope.CoversTownship(t.Code)).ToList(),
            ReportKeys.Group => reference.Groups.Where(g => scope.CoversGroup(g.Code)).ToList(),
            _ => Departments(reference, scope),
        };

    private static List<CoverageReference.Item> Departments(CoverageReference reference, ReportScope scope)
    {
        var all = reference.Departments.Append(
            new CoverageReference.Item(CoverageReference.NoDepartment, CoverageReference.NoDepartmentName));
        if (scope.DepartmentCode is { } own) return all.Where(d => d.Code == own).ToList();
        if (scope.GroupCodes is null) return all.ToList();
        var led = scope.GroupCodes.SelectMany(reference.DepartmentsOf).ToHashSet();
        return all.Where(d => led.Contains(d.Code)).ToList();
    }

    private static IEnumerable<string> WorkerKeys(string by, CoverageReference reference, string township,
        string group) => by switch
        {
            ReportKeys.Township => [township],
            ReportKeys.Group => [group],
            _ => reference.DepartmentsOf(group),
        };

    private sealed class WorkerTally
    {
        private long _workers, _units, _unitsWithUnion, _members, _surveyedMembers;
        private long _open, _approved, _rejected, _withdrawn, _submittedIn, _approvedIn, _rejectedIn, _withdrawnIn;
        private readonly Dictionary<int, long> _decisionDays = [];

        public void Add(GroupCell c)
        {
            _workers += c.SurveyedWorkers;
            _units += c.SurveyedUnits;
            _unitsWithUnion += c.SurveyedUnitsWithUnion;
            _members += c.ActiveMembers;
            if (c.SurveyedWorkers > 0) _surveyedMembers += c.ActiveMembers;
            _open += c.OpenApplications;
            _approved += c.ApprovedTotal;
            _rejected += c.RejectedTotal;
            _withdrawn += c.WithdrawnTotal;
            _submittedIn += c.SubmittedInPeriod;
            _approvedIn += c.ApprovedInPeriod;
            _rejectedIn += c.RejectedInPeriod;
            _withdrawnIn += c.WithdrawnInPeriod;
        }

        public void Add(DecisionCell c) =>
            _decisionDays[c.Days] = _decisionDays.GetValueOrDefault(c.Days) + c.Decisions;

        public WorkerFigures Figures()
        {
            var joinRate = CoverageRates.Rate(_surveyedMembers, _workers);
            return new WorkerFigures(_workers, _units, _unitsWithUnion, CoverageRates.Rate(_unitsWithUnion, _units),
                _members, _surveyedMembers, joinRate, CoverageRates.GapToTarget(joinRate), WorkerFigures.SurveyedGroup,
                _open, _approved, _rejected, _withdrawn, _submittedIn, _approvedIn, _rejectedIn, _withdrawnIn,
                CoverageRates.Percentile(_decisionDays, 0.5m), CoverageRates.Percentile(_decisionDays, 0.9m));
        }
    }

    private sealed class EnterpriseTally
    {
        private readonly Dictionary<string, EnterpriseCell> _byCategory = [];

        public void Add(EnterpriseCell c) =>
            _byCategory[c.Category] = _byCategory.TryGetValue(c.Category, out var sum) ? sum.Plus(c) : c;

        public EnterpriseFigures Figures()
        {
            var all = _byCategory.GetValueOrDefault(EnterpriseCategories.All100Plus) ?? EnterpriseCell.Zero("", "", "");
            var unionRate = CoverageRates.Rate(all.WithUnion, all.Enterprises);
            var keyCategories = EnterpriseCategories.Key.Select(k =>
            {
                var cell = _byCategory.GetValueOrDefault(k.Code);
                var rate = CoverageRates.Rate(cell?.WithUnion ?? 0, cell?.Enterprises ?? 0);
                return new KeyCategoryFigures(k.Code, k.Name, cell?.Enterprises ?? 0, cell?.WithUnion ?? 0, rate,
                    CoverageRates.GapToTarget(rate));
            }).ToList();
            return new EnterpriseFigures(all.Enterprises, all.WithUnion, all.Forming, unionRate,
                CoverageRates.GapToTarget(unionRate), all.Staff, all.StaffInUnionised, all.MembersInUnionised,
                CoverageRates.Rate(all.MembersInUnionised, all.StaffInUnionised),
                EnterpriseFigures.UnionisedEnterpriseStaff, keyCategories);
        }
    }
}
