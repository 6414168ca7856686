-- Which day's figures took in each journal row. Freezing day D marks every row not yet taken in and dated D or earlier
-- with counted_day = D and adds exactly the marked rows; the hourly refresh of an open day D adds the unmarked rows dated
-- D or earlier without marking them. A row that commits after its day was frozen (a transaction open across the freeze,
-- a node with a slow clock) is so taken in by the next day, stocks and flows, instead of being lost. A marker, not an id
-- watermark: auto-increment ids commit out of order.
ALTER TABLE coverage_deltas
    ADD COLUMN counted_day DATE NULL AFTER day,
    DROP KEY ix_coverage_deltas_cell,
    ADD KEY ix_coverage_deltas_counted (counted_day, day, township_code, worker_group_code, measure, delta, decision_days);

-- Rows dated before today (China) count on their own day, as the figures computed so far took them in; today's rows
-- wait for today's freeze.
UPDATE coverage_deltas SET counted_day = day WHERE day < DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR);

-- When the journal started (one row). A full computation of a day before its China date would count the stocks of
-- today, not of that day, and is refused.
CREATE TABLE coverage_journal (
    id         TINYINT     NOT NULL DEFAULT 1,
    started_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_coverage_journal_one_row CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO coverage_journal (id, started_at) VALUES (1, UTC_TIMESTAMP(6));
