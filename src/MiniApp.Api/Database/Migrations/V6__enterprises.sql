-- The enterprise register of the 百人以上企业建会 campaign (附件1 / 附件4) and the formation steps that take an
-- enterprise from 未建会 to 已建会. The contact's phone follows the personal-data rules: sealed, keyed hash, masked.

ALTER TABLE enterprises
    ADD COLUMN address              VARCHAR(200) NULL,
    ADD COLUMN industry             VARCHAR(64)  NULL,
    ADD COLUMN ownership_type       VARCHAR(24)  NULL,      -- code of EnterpriseCatalog.OwnershipTypes
    ADD COLUMN in_industrial_park   TINYINT(1)   NOT NULL DEFAULT 0,  -- its union belongs under the park federation
    ADD COLUMN staff_count          INT          NOT NULL DEFAULT 0,
    ADD COLUMN female_staff_count   INT          NOT NULL DEFAULT 0,
    ADD COLUMN migrant_staff_count  INT          NOT NULL DEFAULT 0,
    ADD COLUMN legal_representative VARCHAR(64)  NULL,
    ADD COLUMN contact_name         VARCHAR(64)  NULL,
    ADD COLUMN contact_phone_sealed VARCHAR(255) NULL,
    ADD COLUMN contact_phone_hash   VARCHAR(64)  NULL,
    ADD COLUMN contact_phone_masked VARCHAR(16)  NULL,
    ADD COLUMN department_code      VARCHAR(40)  NULL,      -- the responsible department (责任部门)
    ADD COLUMN liaison              VARCHAR(100) NULL,      -- 挂联领导或单位
    ADD COLUMN key_npc_cppcc        TINYINT(1)   NOT NULL DEFAULT 0,  -- 各级人大代表和政协委员所在企业
    ADD COLUMN key_top_private      TINYINT(1)   NOT NULL DEFAULT 0,  -- 云南省百户优强民营企业
    ADD COLUMN key_top_entrepreneur TINYINT(1)   NOT NULL DEFAULT 0,  -- 云南省百名优秀企业家所在企业
    ADD COLUMN key_yuxi_industrial  TINYINT(1)   NOT NULL DEFAULT 0,  -- 玉溪市2019年100户重点培育工业企业
    ADD COLUMN union_status         VARCHAR(16)  NOT NULL DEFAULT 'none',  -- none (未建会) | forming (筹建中) | established (已建会)
    ADD COLUMN union_name           VARCHAR(100) NULL,
    ADD COLUMN union_chair          VARCHAR(64)  NULL,
    ADD COLUMN union_established_on DATE         NULL,
    ADD COLUMN member_count         INT          NOT NULL DEFAULT 0,
    ADD COLUMN no_union_reason      VARCHAR(200) NULL,
    ADD COLUMN planned_on           DATE         NULL,      -- 计划建会时间
    ADD COLUMN note                 VARCHAR(500) NULL,
    ADD COLUMN current_step_code    VARCHAR(32)  NULL,      -- the formation step reached
    ADD COLUMN step_changed_at      DATETIME(6)  NULL,      -- when a formation step last moved
    ADD COLUMN version              INT          NOT NULL DEFAULT 1,
    ADD KEY ix_enterprises_township (township_code, union_status),
    ADD KEY ix_enterprises_department (department_code, union_status),
    ADD KEY ix_enterprises_updated (updated_at),
    ADD KEY ix_enterprises_contact_phone (contact_phone_hash),
    ADD CONSTRAINT fk_enterprises_department FOREIGN KEY (department_code) REFERENCES departments (code);

-- The worker groups an enterprise employs, with how many (a 货运企业 with N 货车司机).
CREATE TABLE enterprise_worker_groups (
    enterprise_id     BIGINT      NOT NULL,
    worker_group_code VARCHAR(40) NOT NULL,
    headcount         INT         NOT NULL,
    PRIMARY KEY (enterprise_id, worker_group_code),
    KEY ix_ewg_group (worker_group_code),
    CONSTRAINT fk_ewg_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id) ON DELETE CASCADE,
    CONSTRAINT fk_ewg_group FOREIGN KEY (worker_group_code) REFERENCES worker_groups (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The configurable list of formation steps, in order. Exactly one is final (建会完成): completing it creates the union.
CREATE TABLE formation_step_types (
    code       VARCHAR(32) NOT NULL,
    name       VARCHAR(32) NOT NULL,
    sort_order INT         NOT NULL,
    is_final   TINYINT(1)  NOT NULL DEFAULT 0,
    active     TINYINT(1)  NOT NULL DEFAULT 1,
    PRIMARY KEY (code),
    KEY ix_step_types_order (sort_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO formation_step_types (code, name, sort_order, is_final) VALUES
('survey_visit', '摸底走访', 1, 0),
('reminder_letter', '提示函', 2, 0),
('notice', '告知书', 3, 0),
('commitment', '承诺书', 4, 0),
('preparatory_group', '筹备组成立', 5, 0),
('election', '会员大会选举', 6, 0),
('established', '建会完成', 7, 1);

-- One step taken with an enterprise: when the document was served and answered, the deadline for the answer, who is
-- responsible. A row with went_back = 1 records a move to an earlier step (its note says why).
CREATE TABLE enterprise_formation_steps (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    enterprise_id        BIGINT       NOT NULL,
    step_type_code       VARCHAR(32)  NOT NULL,
    served_on            DATE         NULL,
    answered_on          DATE         NULL,
    deadline             DATE         NULL,
    responsible_staff_id BIGINT       NULL,
    note                 VARCHAR(500) NULL,
    went_back            TINYINT(1)   NOT NULL DEFAULT 0,
    recorded_by          BIGINT       NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_steps_enterprise (enterprise_id, id),
    KEY ix_steps_deadline (deadline, answered_on),
    CONSTRAINT fk_steps_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id) ON DELETE CASCADE,
    CONSTRAINT fk_steps_type FOREIGN KEY (step_type_code) REFERENCES formation_step_types (code),
    CONSTRAINT fk_steps_responsible FOREIGN KEY (responsible_staff_id) REFERENCES staff (id),
    CONSTRAINT fk_steps_recorded_by FOREIGN KEY (recorded_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
