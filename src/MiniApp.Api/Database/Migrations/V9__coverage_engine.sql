-- Indexes for computing the daily figures. A full rebuild counts applications by status × township × group and active
-- members by township × group from these covering indexes alone; the incremental refresh reads one day of the journal
-- per cell and measure from the index without touching the table rows.

ALTER TABLE applications
    ADD KEY ix_applications_coverage (status, residence_township, worker_group_code);

ALTER TABLE members
    ADD KEY ix_members_coverage (status, township_code, worker_group_code);

ALTER TABLE coverage_deltas
    ADD KEY ix_coverage_deltas_cell (day, township_code, worker_group_code, measure, delta, decision_days);
