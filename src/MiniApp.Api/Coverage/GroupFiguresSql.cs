namespace MiniApp.Api.Coverage;

/// <summary>
/// The worker figures of a day per township × group (coverage_group_daily) and its decision-day histogram. Each cell
/// sums parts with the same columns: sw/su/suw the survey in force, am/oa/apt/rjt/wdt the stocks (active members, open,
/// approved, rejected, withdrawn applications), si/ai/ri/wi the day's flows. Cells whose every figure is 0 are not
/// written. Every write is guarded: a frozen day is never rewritten.
/// <para>
/// Journal rows are taken in by the day whose figures first count them (coverage_deltas.counted_day). Freezing D marks
/// the rows not yet taken in that are dated D, or dated on or before the last frozen day before D (late rows: they
/// committed after their day was frozen), and adds exactly those; rows of open days between the last frozen day and D
/// are marked with their own day, so a gap day rebuilt later still finds its own. Refreshing an open D adds the
/// unmarked rows the freeze would take and marks nothing. A late row is so counted, its flows too, on the day that
/// takes it in, instead of being lost.
/// </para>
/// </summary>
internal static class GroupFiguresSql
{
    public const string NotFrozen = "NOT EXISTS (SELECT 1 FROM coverage_days f WHERE f.day = @Day AND f.frozen = 1)";

    /// <summary>
    /// Marks the rows freezing the day takes in (the day's own and late ones) and the rows of open days before it (with
    /// their own day); runs first, in the freezing transaction. @LastFrozen is the last frozen day before the day
    /// ('1000-01-01' when none).
    /// </summary>
    public const string Mark = $"""
        UPDATE coverage_deltas SET counted_day = IF(day = @Day OR day <= @LastFrozen, @Day, day)
        WHERE counted_day IS NULL AND day <= @Day AND {NotFrozen}
        """;

    /// <summary>The journal rows the day takes in: freezing, the rows marked for it; refreshing, the unmarked ones a
    /// freeze would mark for it.</summary>
    public static string TakenIn(bool freeze) =>
        freeze ? "counted_day = @Day" : "counted_day IS NULL AND (day = @Day OR day <= @LastFrozen)";

    /// <summary>Rows a later day takes in or has taken in: the day's stocks do not hold them.</summary>
    private const string TakenInLater = "IF(counted_day IS NULL, day > @Day, counted_day > @Day)";

    /// <summary>The rows a full computation reads: all but those taken in before the day.</summary>
    private const string NotTakenInBefore = "counted_day IS NULL OR counted_day >= @Day";

    private const string Insert = """
        INSERT INTO coverage_group_daily (day, township_code, worker_group_code, surveyed_workers, surveyed_units,
            surveyed_units_with_union, active_members, open_applications, approved_total, rejected_total,
            withdrawn_total, submitted_in_day, approved_in_day, rejected_in_day, withdrawn_in_day)
        SELECT @Day, c.township_code, c.worker_group_code, SUM(c.sw) AS surveyed_workers, SUM(c.su) AS surveyed_units,
            SUM(c.suw) AS surveyed_units_with_union, SUM(c.am) AS active_members, SUM(c.oa) AS open_applications,
            SUM(c.apt) AS approved_total, SUM(c.rjt) AS rejected_total, SUM(c.wdt) AS withdrawn_total,
            SUM(c.si) AS submitted_in_day, SUM(c.ai) AS approved_in_day, SUM(c.ri) AS rejected_in_day,
            SUM(c.wi) AS withdrawn_in_day
        FROM (
        """;

    private const string Close = $"""
        ) c
        WHERE {NotFrozen}
        GROUP BY c.township_code, c.worker_group_code
        HAVING surveyed_workers <> 0 OR surveyed_units <> 0 OR surveyed_units_with_union <> 0 OR active_members <> 0
            OR open_applications <> 0 OR approved_total <> 0 OR rejected_total <> 0 OR withdrawn_total <> 0
            OR submitted_in_day <> 0 OR approved_in_day <> 0 OR rejected_in_day <> 0 OR withdrawn_in_day <> 0
        """;

    /// <summary>The latest survey per township × group with period_start on or before the day.</summary>
    private const string SurveysInForce = """
            SELECT s.township_code, s.worker_group_code, s.workers AS sw, s.units AS su, s.units_with_union AS suw,
                0 AS am, 0 AS oa, 0 AS apt, 0 AS rjt, 0 AS wdt, 0 AS si, 0 AS ai, 0 AS ri, 0 AS wi
            FROM group_surveys s
            JOIN (SELECT township_code, worker_group_code, MAX(period_start) AS period_start FROM group_surveys
                  WHERE period_start <= @Day GROUP BY township_code, worker_group_code) l
              ON l.township_code = s.township_code AND l.worker_group_code = s.worker_group_code
                AND l.period_start = s.period_start
        """;

    private const string PreviousDayStocks = """
            SELECT township_code, worker_group_code, 0 AS sw, 0 AS su, 0 AS suw, active_members AS am,
                open_applications AS oa, approved_total AS apt, rejected_total AS rjt, withdrawn_total AS wdt,
                0 AS si, 0 AS ai, 0 AS ri, 0 AS wi
            FROM coverage_group_daily WHERE day = @Previous
        """;

    /// <summary>The journal the day takes in: what it moved and what came in.</summary>
    private static string DayDeltas(bool freeze) => $"""
                SELECT township_code, worker_group_code, 0 AS sw, 0 AS su, 0 AS suw,
                    SUM(IF(measure = 'member', delta, 0)) AS am, SUM(IF(measure = 'submitted', delta, 0)) AS oa,
                    SUM(IF(measure = 'approved', delta, 0)) AS apt, SUM(IF(measure = 'rejected', delta, 0)) AS rjt,
                    SUM(IF(measure = 'withdrawn', delta, 0)) AS wdt,
                    SUM(IF(measure = 'submitted' AND delta > 0, delta, 0)) AS si,
                    SUM(IF(measure = 'approved' AND delta > 0, delta, 0)) AS ai,
                    SUM(IF(measure = 'rejected' AND delta > 0, delta, 0)) AS ri,
                    SUM(IF(measure = 'withdrawn' AND delta > 0, delta, 0)) AS wi
                FROM coverage_deltas WHERE {TakenIn(freeze)}
                GROUP BY township_code, worker_group_code

        """;

    /// <summary>The stocks as the source tables hold them now.</summary>
    private const string SourceStocks = """
            SELECT residence_township AS township_code, worker_group_code, 0 AS sw, 0 AS su, 0 AS suw, 0 AS am,
                IF(status = 'submitted', COUNT(*), 0) AS oa, IF(status = 'approved', COUNT(*), 0) AS apt,
                IF(status = 'rejected', COUNT(*), 0) AS rjt, IF(status = 'withdrawn', COUNT(*), 0) AS wdt,
                0 AS si, 0 AS ai, 0 AS ri, 0 AS wi
            FROM applications
            GROUP BY status, residence_township, worker_group_code
            UNION ALL
            SELECT township_code, worker_group_code, 0, 0, 0, COUNT(*), 0, 0, 0, 0, 0, 0, 0, 0
            FROM members WHERE status = 'active'
            GROUP BY township_code, worker_group_code
        """;

    /// <summary>Takes back what the journal moved that the day does not hold (rows a later day takes in), and adds the
    /// flows of the rows the day takes in.</summary>
    private static string LaterDeltasAndDayFlows(bool freeze) => $"""
                SELECT township_code, worker_group_code, 0 AS sw, 0 AS su, 0 AS suw,
                    -SUM(IF(later AND measure = 'member', delta, 0)) AS am,
                    -SUM(IF(later AND measure = 'submitted', delta, 0)) AS oa,
                    -SUM(IF(later AND measure = 'approved', delta, 0)) AS apt,
                    -SUM(IF(later AND measure = 'rejected', delta, 0)) AS rjt,
                    -SUM(IF(later AND measure = 'withdrawn', delta, 0)) AS wdt,
                    SUM(IF(taken_in AND measure = 'submitted' AND delta > 0, delta, 0)) AS si,
                    SUM(IF(taken_in AND measure = 'approved' AND delta > 0, delta, 0)) AS ai,
                    SUM(IF(taken_in AND measure = 'rejected' AND delta > 0, delta, 0)) AS ri,
                    SUM(IF(taken_in AND measure = 'withdrawn' AND delta > 0, delta, 0)) AS wi
                FROM (
                    SELECT township_code, worker_group_code, measure, delta, {TakenInLater} AS later,
                        ({TakenIn(freeze)}) IS TRUE AS taken_in
                    FROM coverage_deltas WHERE {NotTakenInBefore}
                ) j
                GROUP BY township_code, worker_group_code

        """;

    /// <summary>Stocks(D) = frozen stocks(D−1) + the journal D takes in; reads nothing older.</summary>
    public static string Incremental(bool freeze) =>
        Insert + PreviousDayStocks + "    UNION ALL\n" + DayDeltas(freeze) + "    UNION ALL\n" + SurveysInForce + Close;

    /// <summary>Stocks(D) = the source tables now − the journal D does not hold. One statement, so one consistent
    /// read.</summary>
    public static string Full(bool freeze) => Insert + SourceStocks + "    UNION ALL\n" + LaterDeltasAndDayFlows(freeze)
        + "    UNION ALL\n" + SurveysInForce + Close;

    public static string DecisionDays(bool freeze) => $"""
        INSERT INTO coverage_decision_days (day, township_code, worker_group_code, days, decisions)
        SELECT @Day, township_code, worker_group_code, decision_days, SUM(delta)
        FROM coverage_deltas
        WHERE {TakenIn(freeze)} AND measure IN ('approved', 'rejected') AND delta > 0 AND decision_days IS NOT NULL
            AND {NotFrozen}
        GROUP BY township_code, worker_group_code, decision_days
        """;

    private const string SurveyRows =
        "(SELECT COUNT(DISTINCT township_code, worker_group_code) FROM group_surveys WHERE period_start <= @Day)";

    /// <summary>Journal rows and other rows the worker figures read (the enterprise figures count theirs
    /// apart).</summary>
    public static string IncrementalReads(bool freeze) => $"""
        SELECT CAST((SELECT COUNT(*) FROM coverage_deltas WHERE {TakenIn(freeze)}) AS SIGNED) AS deltas_read,
            CAST((SELECT COUNT(*) FROM coverage_group_daily WHERE day = @Previous) + {SurveyRows} AS SIGNED)
                AS rows_read
        """;

    public const string FullReads = $"""
        SELECT CAST((SELECT COUNT(*) FROM coverage_deltas WHERE {NotTakenInBefore}) AS SIGNED) AS deltas_read,
            CAST((SELECT COUNT(*) FROM applications) + (SELECT COUNT(*) FROM members WHERE status = 'active')
                + {SurveyRows} AS SIGNED) AS rows_read
        """;
}
