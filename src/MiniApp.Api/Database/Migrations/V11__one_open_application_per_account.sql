-- One open (submitted) application per WeChat account, whoever it names. The person's rule goes: a 身份证号 typed from
-- another account no longer blocks the person; several open applications of one person are flagged to the reviewer,
-- who decides (one active member per person still holds, by ux_members_active_person). The person's column stays,
-- indexed, to find those conflicts.
--
-- An account could hold several open applications until now. They all stay open, as their workers and reviewers know
-- them, and no status or journal row changes: the oldest holds the account's place in the new key, the others are marked
-- surplus_open and stand outside it until they are decided or withdrawn. A surplus one rejected and corrected competes
-- for the place like any other (resubmitting clears the mark).

ALTER TABLE applications
    ADD COLUMN surplus_open TINYINT(1) NOT NULL DEFAULT 0;

UPDATE applications a
JOIN (
    SELECT user_id, MIN(id) AS kept FROM applications WHERE status = 'submitted' GROUP BY user_id HAVING COUNT(*) > 1
) k ON k.user_id = a.user_id
SET a.surplus_open = 1
WHERE a.status = 'submitted' AND a.id <> k.kept;

ALTER TABLE applications
    ADD COLUMN open_user_id BIGINT AS (CASE WHEN status = 'submitted' AND surplus_open = 0 THEN user_id END) VIRTUAL,
    ADD UNIQUE KEY ux_applications_open_user (open_user_id),
    DROP KEY ux_applications_open_person,
    ADD KEY ix_applications_open_person (open_person_hash);
