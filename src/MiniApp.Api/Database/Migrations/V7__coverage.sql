-- The county's figures. Survey data (摸底, the denominators) per period × township × worker group; a journal of the
-- changes that move the worker figures (written in the same transaction as each change); and daily figures per
-- township × group (workers) and per township × department × category (enterprises). A day's rows are recomputed
-- hourly from the previous day's frozen rows plus that day's journal, and frozen after midnight; frozen rows never change.

-- 附件2: people working in a group in a township, and its enterprises / platforms / stations with how many have a union.
-- A survey is in force from period_start until a later one for the same township and group.
CREATE TABLE group_surveys (
    period_start      DATE         NOT NULL,
    township_code     VARCHAR(12)  NOT NULL,
    worker_group_code VARCHAR(40)  NOT NULL,
    workers           INT          NOT NULL,  -- 从业人数
    units             INT          NOT NULL,  -- 企业/平台/站点数
    units_with_union  INT          NOT NULL,  -- 其中已建会数
    coverage_mode     VARCHAR(16)  NULL,      -- single | joint | industry | regional (单独建/联合建/行业建/区域建)
    note              VARCHAR(200) NULL,
    updated_by        BIGINT       NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (township_code, worker_group_code, period_start),
    KEY ix_group_surveys_period (period_start),
    CONSTRAINT fk_group_surveys_township FOREIGN KEY (township_code) REFERENCES regions (code),
    CONSTRAINT fk_group_surveys_group FOREIGN KEY (worker_group_code) REFERENCES worker_groups (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Signed changes of the worker figures, one row per measure moved: an application leaving 'submitted' for 'approved'
-- writes -1 submitted, +1 approved and +1 member. day is the China date of the change.
-- measure: submitted | approved | rejected | withdrawn (applications by status) | member (active members).
-- decision_days: on the +1 row of approved/rejected, whole days from submission to decision.
CREATE TABLE coverage_deltas (
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    day               DATE        NOT NULL,
    township_code     VARCHAR(12) NOT NULL,
    worker_group_code VARCHAR(40) NOT NULL,
    measure           VARCHAR(16) NOT NULL,
    delta             INT         NOT NULL,
    decision_days     INT         NULL,
    application_id    BIGINT      NULL,
    occurred_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_coverage_deltas_day (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per day that has figures: whether it is frozen, how it was computed and what the last computation read.
CREATE TABLE coverage_days (
    day          DATE        NOT NULL,
    frozen       TINYINT(1)  NOT NULL DEFAULT 0,
    mode         VARCHAR(12) NOT NULL,  -- incremental | full
    deltas_read  INT         NOT NULL DEFAULT 0,
    rows_read    INT         NOT NULL DEFAULT 0,
    computed_at  DATETIME(6) NOT NULL,
    frozen_at    DATETIME(6) NULL,
    PRIMARY KEY (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Worker figures per day × township × group. Stocks are as at the end of the day (or of the last refresh, today);
-- *_in_day are the day's flows. The denominator of 入会率 here is the surveyed group (surveyed_workers).
CREATE TABLE coverage_group_daily (
    day                      DATE        NOT NULL,
    township_code            VARCHAR(12) NOT NULL,
    worker_group_code        VARCHAR(40) NOT NULL,
    surveyed_workers         INT         NOT NULL DEFAULT 0,
    surveyed_units           INT         NOT NULL DEFAULT 0,
    surveyed_units_with_union INT        NOT NULL DEFAULT 0,
    active_members           INT         NOT NULL DEFAULT 0,
    open_applications        INT         NOT NULL DEFAULT 0,
    approved_total           INT         NOT NULL DEFAULT 0,
    rejected_total           INT         NOT NULL DEFAULT 0,
    withdrawn_total          INT         NOT NULL DEFAULT 0,
    submitted_in_day         INT         NOT NULL DEFAULT 0,
    approved_in_day          INT         NOT NULL DEFAULT 0,
    rejected_in_day          INT         NOT NULL DEFAULT 0,
    withdrawn_in_day         INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (day, township_code, worker_group_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Decisions of a day by whole days from submission, so medians and 90th percentiles can be taken over any roll-up.
CREATE TABLE coverage_decision_days (
    day               DATE        NOT NULL,
    township_code     VARCHAR(12) NOT NULL,
    worker_group_code VARCHAR(40) NOT NULL,
    days              INT         NOT NULL,
    decisions         INT         NOT NULL,
    PRIMARY KEY (day, township_code, worker_group_code, days)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Enterprise figures per day × township × responsible department ('' when none) × category:
-- all_100plus (enterprises with 100+ staff) and one row per key flag (key_npc_cppcc, key_top_private,
-- key_top_entrepreneur, key_yuxi_industrial; key enterprises count whatever their size).
-- 建会率 = with_union / enterprises. staff_in_unionised and members_in_unionised give the other 入会率 denominator
-- (staff of enterprises that have a union).
CREATE TABLE coverage_enterprise_daily (
    day                  DATE        NOT NULL,
    township_code        VARCHAR(12) NOT NULL,
    department_code      VARCHAR(40) NOT NULL,
    category             VARCHAR(24) NOT NULL,
    enterprises          INT         NOT NULL DEFAULT 0,
    with_union           INT         NOT NULL DEFAULT 0,
    forming              INT         NOT NULL DEFAULT 0,
    staff                INT         NOT NULL DEFAULT 0,
    staff_in_unionised   INT         NOT NULL DEFAULT 0,
    members_in_unionised INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (day, township_code, department_code, category)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
