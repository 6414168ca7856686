-- Formation steps: the step from which an enterprise counts as 筹建中 is marked on its type, so the rule survives a
-- renamed, reordered or deactivated 筹备组成立. An enterprise whose current step is the marked type or any type after it
-- in the order is forming; before it, none; the final type makes it established. With no type marked, there is no
-- forming stage: none until the final step.

ALTER TABLE formation_step_types
    ADD COLUMN marks_forming TINYINT(1) NOT NULL DEFAULT 0;

UPDATE formation_step_types SET marks_forming = 1 WHERE code = 'preparatory_group';

-- The deadline reminder looks for current steps past their deadline by responsible staff member.
ALTER TABLE enterprise_formation_steps
    ADD KEY ix_steps_responsible_deadline (responsible_staff_id, deadline);
