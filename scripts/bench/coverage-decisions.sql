-- 10,000 decisions on the day after @d0 (set by the caller), taken as the review screens take them, in one transaction:
-- the oldest open applications, four in five approved and one in five rejected, one every 0.359 s from midnight
-- (China time). Each approval creates the member (joined that day, numbered XP + year + id) and each decision writes
-- its journal rows: -1 submitted, +1 approved or rejected with decision_days (China calendar days from
-- submission to decision, as the application counts them), and +1 member for an approval. Run coverage-reset.sql first: the day must start with no decisions.

SET @d1 = @d0 + INTERVAL 1 DAY;
SET @d1_start = TIMESTAMP(@d1) - INTERVAL 8 HOUR;   -- midnight in China, as UTC
SET @reviewer = (SELECT reviewer_id FROM bench_coverage_meta WHERE id = 1);

DROP TEMPORARY TABLE IF EXISTS bench_decisions;
CREATE TEMPORARY TABLE bench_decisions (rn INT NOT NULL PRIMARY KEY, application_id BIGINT NOT NULL, outcome VARCHAR(16) NOT NULL,
    decided_at DATETIME(6) NOT NULL, UNIQUE KEY (application_id));

START TRANSACTION;
INSERT INTO bench_decisions (rn, application_id, outcome, decided_at)
SELECT rn, id, IF(rn % 5 = 0, 'rejected', 'approved'), @d1_start + INTERVAL (rn * 359000) MICROSECOND
FROM (SELECT ROW_NUMBER() OVER (ORDER BY o.submitted_at, o.id) AS rn, o.id
      FROM (SELECT id, submitted_at FROM applications WHERE status = 'submitted' ORDER BY submitted_at, id LIMIT 10000) o) s
FOR UPDATE;

UPDATE applications a JOIN bench_decisions d ON d.application_id = a.id
SET a.status = d.outcome, a.version = a.version + 1, a.reject_reason = IF(d.outcome = 'rejected', 'info_incomplete', NULL),
    a.reject_note = NULL, a.decided_by = @reviewer, a.decided_at = d.decided_at, a.updated_at = d.decided_at
WHERE a.status = 'submitted';

INSERT INTO members (user_id, application_id, union_id, name, id_number_hash, worker_group_code, township_code, joined_on, status,
    created_at)
SELECT a.user_id, a.id, a.receiving_union_id, a.name, a.id_number_hash, a.worker_group_code, a.residence_township, @d1, 'active',
       d.decided_at
FROM bench_decisions d JOIN applications a ON a.id = d.application_id
WHERE d.outcome = 'approved'
ORDER BY d.rn;
UPDATE members m JOIN bench_decisions d ON d.application_id = m.application_id
SET m.member_number = CONCAT('XP', YEAR(m.joined_on), LPAD(m.id, 7, '0'));

INSERT INTO coverage_deltas (day, township_code, worker_group_code, measure, delta, decision_days, application_id, occurred_at)
SELECT @d1, a.residence_township, a.worker_group_code, CASE k.seq WHEN 1 THEN 'submitted' WHEN 2 THEN d.outcome ELSE 'member' END,
       IF(k.seq = 1, -1, 1), IF(k.seq = 2, DATEDIFF(d.decided_at + INTERVAL 8 HOUR, a.submitted_at + INTERVAL 8 HOUR), NULL), a.id, d.decided_at
FROM bench_decisions d JOIN applications a ON a.id = d.application_id CROSS JOIN seq_1_to_3 k
WHERE k.seq < 3 OR d.outcome = 'approved'
ORDER BY d.rn, k.seq;
COMMIT;

SELECT COUNT(*) AS decisions, SUM(outcome = 'approved') AS approved, SUM(outcome = 'rejected') AS rejected,
       (SELECT COUNT(*) FROM coverage_deltas WHERE day = @d1) AS journal_rows
FROM bench_decisions;
DROP TEMPORARY TABLE bench_decisions;
