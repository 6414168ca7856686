-- Foundation schema. Times are UTC (DATETIME(6)); utf8mb4 throughout so every Chinese name round-trips (者竜乡).
-- Portable to MySQL 8.0 and TiDB: no stored procedures, no spatial types, no triggers.

CREATE TABLE regions (
    code        VARCHAR(12)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    level       VARCHAR(16)  NOT NULL,   -- province | prefecture | county | township
    kind        VARCHAR(8)   NULL,       -- 街道 | 镇 | 乡 for townships
    parent_code VARCHAR(12)  NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (code),
    KEY ix_regions_parent (parent_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE worker_groups (
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The responsible units of the work plan (职责任务) and the worker groups each one leads.
CREATE TABLE departments (
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    duty        VARCHAR(500) NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE department_worker_groups (
    department_code   VARCHAR(40) NOT NULL,
    worker_group_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (department_code, worker_group_code),
    KEY ix_dwg_group (worker_group_code),
    CONSTRAINT fk_dwg_department FOREIGN KEY (department_code) REFERENCES departments (code),
    CONSTRAINT fk_dwg_group FOREIGN KEY (worker_group_code) REFERENCES worker_groups (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The union tree. path is the materialized chain of ids ('/1/2/') so a subtree is one prefix scan.
CREATE TABLE organizations (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    code              VARCHAR(40)  NOT NULL,
    name              VARCHAR(100) NOT NULL,
    type              VARCHAR(32)  NOT NULL, -- county_federation | township_federation | park_federation | industry_federation | enterprise_union | joint_union | station_group
    parent_id         BIGINT       NULL,
    path              VARCHAR(255) NOT NULL,
    region_code       VARCHAR(12)  NOT NULL,
    worker_group_code VARCHAR(40)  NULL,     -- the group an industry federation recruits
    created_at        DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY ux_organizations_code (code),
    KEY ix_organizations_path (path),
    KEY ix_organizations_group (worker_group_code),
    CONSTRAINT fk_organizations_parent FOREIGN KEY (parent_id) REFERENCES organizations (id),
    CONSTRAINT fk_organizations_region FOREIGN KEY (region_code) REFERENCES regions (code),
    CONSTRAINT fk_organizations_group FOREIGN KEY (worker_group_code) REFERENCES worker_groups (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- WeChat identities. session_key is sealed by the application (key id kept inside the sealed value) and never leaves the server.
CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    openid        VARCHAR(64)  NOT NULL,
    unionid       VARCHAR(64)  NULL,
    session_key   VARCHAR(255) NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_login_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_users_openid (openid),
    KEY ix_users_unionid (unionid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    role            VARCHAR(32)  NOT NULL,  -- county_admin | union_reviewer | department_viewer | station_keeper
    union_id        BIGINT       NOT NULL,
    department_code VARCHAR(40)  NULL,
    disabled        TINYINT(1)   NOT NULL DEFAULT 0,
    failed_logins   INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(6)  NULL,
    password_changed_at DATETIME(6) NULL,  -- tokens issued before it no longer count
    created_at      DATETIME(6)  NOT NULL,
    last_login_at   DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_staff_username (username),
    KEY ix_staff_union (union_id),
    CONSTRAINT fk_staff_union FOREIGN KEY (union_id) REFERENCES organizations (id),
    CONSTRAINT fk_staff_department FOREIGN KEY (department_code) REFERENCES departments (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Service points (司机之家, 工会驿站, ...). Coordinates are GCJ-02. facilities and opening_hours are JSON text.
CREATE TABLE stations (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    code            VARCHAR(24)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    type            VARCHAR(32)   NOT NULL,  -- driver_home | union_post | workers_home | other
    address         VARCHAR(255)  NOT NULL,
    region_code     VARCHAR(12)   NOT NULL,
    latitude        DECIMAL(9,6)  NOT NULL,
    longitude       DECIMAL(9,6)  NOT NULL,
    facilities      VARCHAR(1000) NOT NULL DEFAULT '[]',
    opening_hours   VARCHAR(2000) NOT NULL DEFAULT '{}',
    phone           VARCHAR(32)   NULL,
    owning_union_id BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL DEFAULT 'active', -- active | suspended | closed
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_stations_code (code),
    KEY ix_stations_lat_lng (latitude, longitude),
    KEY ix_stations_union (owning_union_id),
    CONSTRAINT fk_stations_union FOREIGN KEY (owning_union_id) REFERENCES organizations (id),
    CONSTRAINT fk_stations_region FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
