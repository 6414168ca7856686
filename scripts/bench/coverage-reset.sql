-- Takes the coverage bench back to the end of @d0 (set by the caller): undoes the decisions that
-- coverage-decisions.sql took on the following day (found through their journal rows), deletes that journal and every
-- figure computed for @d0 or later, so each run rebuilds @d0 and refreshes the next day from the same state. The
-- synthetic history is as if the journal had run all along: its start is put back to midnight (China) before @d0, so a
-- full computation of @d0 is allowed, and no journal row stays marked as taken in by @d0 or later.

DROP TEMPORARY TABLE IF EXISTS bench_undo;
CREATE TEMPORARY TABLE bench_undo (application_id BIGINT NOT NULL PRIMARY KEY);
INSERT INTO bench_undo SELECT DISTINCT application_id FROM coverage_deltas WHERE day > @d0 AND application_id IS NOT NULL;

START TRANSACTION;
DELETE m FROM members m JOIN bench_undo u ON u.application_id = m.application_id;
UPDATE applications a JOIN bench_undo u ON u.application_id = a.id
SET a.status = 'submitted', a.version = a.version - 1, a.reject_reason = NULL, a.reject_note = NULL, a.decided_by = NULL,
    a.decided_at = NULL, a.updated_at = a.submitted_at
WHERE a.status IN ('approved', 'rejected');
DELETE FROM coverage_deltas WHERE day > @d0;
DELETE FROM coverage_group_daily WHERE day >= @d0;
DELETE FROM coverage_decision_days WHERE day >= @d0;
DELETE FROM coverage_enterprise_daily WHERE day >= @d0;
DELETE FROM coverage_days WHERE day >= @d0;
UPDATE coverage_deltas SET counted_day = NULL WHERE counted_day >= @d0;
UPDATE coverage_journal SET started_at = LEAST(started_at, TIMESTAMP(@d0) - INTERVAL 8 HOUR);
COMMIT;

SELECT (SELECT COUNT(*) FROM bench_undo) AS undone,
       (SELECT COUNT(*) FROM applications WHERE status = 'submitted') AS submitted;
DROP TEMPORARY TABLE bench_undo;
