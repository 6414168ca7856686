-- The join flow: enterprises (a minimal register the routing needs; the enterprise work extends it), applications,
-- members, idempotency keys, the audit log, and the worker's bound phone.
-- Hashes are VARCHAR, not CHAR: MariaDB refuses generated columns over CHAR (their value would depend on sql_mode).
-- Personal data is stored three ways: sealed (AES-GCM, key id inside), a keyed hash for look-ups, and the masked form
-- shown in lists. Clear values are never stored.

ALTER TABLE users
    ADD COLUMN phone_sealed VARCHAR(255) NULL,
    ADD COLUMN phone_hash   VARCHAR(64)     NULL,
    ADD COLUMN phone_masked VARCHAR(16)  NULL;

CREATE TABLE enterprises (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    name           VARCHAR(200) NOT NULL,
    credit_code    VARCHAR(18)  NULL,
    township_code  VARCHAR(12)  NULL,
    union_id       BIGINT       NULL,   -- the enterprise's own union, once it has one
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_enterprises_credit_code (credit_code),
    KEY ix_enterprises_union (union_id),
    CONSTRAINT fk_enterprises_union FOREIGN KEY (union_id) REFERENCES organizations (id),
    CONSTRAINT fk_enterprises_township FOREIGN KEY (township_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE applications (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    user_id                BIGINT        NOT NULL,
    status                 VARCHAR(16)   NOT NULL,  -- submitted | approved | rejected | withdrawn
    version                INT           NOT NULL DEFAULT 1,
    name                   VARCHAR(64)   NOT NULL,
    id_number_sealed       VARCHAR(255)  NOT NULL,
    id_number_hash         VARCHAR(64)      NOT NULL,
    id_number_masked       VARCHAR(24)   NOT NULL,
    phone_sealed           VARCHAR(255)  NOT NULL,
    phone_hash             VARCHAR(64)      NOT NULL,
    phone_masked           VARCHAR(16)   NOT NULL,
    gender                 VARCHAR(8)    NOT NULL,
    birth_date             DATE          NOT NULL,
    ethnicity              VARCHAR(8)    NOT NULL,
    education              VARCHAR(32)   NOT NULL,
    political_status       VARCHAR(8)    NOT NULL,
    hukou_type             VARCHAR(32)   NOT NULL,
    is_migrant_worker      TINYINT(1)    NOT NULL,
    worker_group_code      VARCHAR(40)   NOT NULL,
    employment_form        VARCHAR(32)   NOT NULL,
    employer_enterprise_id BIGINT        NULL,
    employer_name          VARCHAR(200)  NULL,
    employer_credit_code   VARCHAR(18)   NULL,
    platform               VARCHAR(64)   NULL,
    residence_township     VARCHAR(12)   NOT NULL,
    station_id             BIGINT        NULL,
    receiving_union_id     BIGINT        NOT NULL,
    routing_rule           VARCHAR(24)   NOT NULL,  -- employer_union | station_union | industry_union | township_union | transferred
    consent_version        VARCHAR(32)   NOT NULL,
    consent_agreed_at      DATETIME(6)   NOT NULL,
    reject_reason          VARCHAR(32)   NULL,
    reject_note            VARCHAR(500)  NULL,
    decided_by             BIGINT        NULL,
    decided_at             DATETIME(6)   NULL,
    submitted_at           DATETIME(6)   NOT NULL,
    created_at             DATETIME(6)   NOT NULL,
    updated_at             DATETIME(6)   NOT NULL,
    -- At most one open (submitted) application per person, whichever WeChat account sent it.
    open_person_hash       VARCHAR(64) AS (CASE WHEN status = 'submitted' THEN id_number_hash END) VIRTUAL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_applications_open_person (open_person_hash),
    KEY ix_applications_user (user_id, created_at),
    KEY ix_applications_queue (receiving_union_id, status, submitted_at),
    KEY ix_applications_status_submitted (status, submitted_at),
    KEY ix_applications_person (id_number_hash),
    CONSTRAINT fk_applications_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_applications_union FOREIGN KEY (receiving_union_id) REFERENCES organizations (id),
    CONSTRAINT fk_applications_station FOREIGN KEY (station_id) REFERENCES stations (id),
    CONSTRAINT fk_applications_enterprise FOREIGN KEY (employer_enterprise_id) REFERENCES enterprises (id),
    CONSTRAINT fk_applications_group FOREIGN KEY (worker_group_code) REFERENCES worker_groups (code),
    CONSTRAINT fk_applications_township FOREIGN KEY (residence_township) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE members (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    member_number     VARCHAR(20)  NULL,
    user_id           BIGINT       NOT NULL,
    application_id    BIGINT       NOT NULL,
    union_id          BIGINT       NOT NULL,
    name              VARCHAR(64)  NOT NULL,
    id_number_hash    VARCHAR(64)     NOT NULL,
    worker_group_code VARCHAR(40)  NOT NULL,
    township_code     VARCHAR(12)  NOT NULL,
    joined_on         DATE         NOT NULL,
    status            VARCHAR(16)  NOT NULL DEFAULT 'active', -- active | transferred | left
    created_at        DATETIME(6)  NOT NULL,
    -- One active membership per person.
    active_person_hash VARCHAR(64) AS (CASE WHEN status = 'active' THEN id_number_hash END) VIRTUAL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_members_number (member_number),
    UNIQUE KEY ux_members_active_person (active_person_hash),
    UNIQUE KEY ux_members_application (application_id),
    KEY ix_members_user (user_id),
    KEY ix_members_union (union_id),
    CONSTRAINT fk_members_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_members_application FOREIGN KEY (application_id) REFERENCES applications (id),
    CONSTRAINT fk_members_union FOREIGN KEY (union_id) REFERENCES organizations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A repeated POST with the same Idempotency-Key answers what the first one did.
CREATE TABLE idempotency_keys (
    user_id        BIGINT       NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL,
    request_hash   VARCHAR(64)     NOT NULL,
    application_id BIGINT       NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who read or changed personal data or an application's state, and when. detail never holds clear personal data.
CREATE TABLE audit_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    actor_type  VARCHAR(16)  NOT NULL,  -- worker | staff | system
    actor_id    BIGINT       NULL,
    action      VARCHAR(48)  NOT NULL,
    entity_type VARCHAR(32)  NOT NULL,
    entity_id   BIGINT       NOT NULL,
    detail      VARCHAR(1000) NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_entity (entity_type, entity_id, id),
    KEY ix_audit_actor (actor_type, actor_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
