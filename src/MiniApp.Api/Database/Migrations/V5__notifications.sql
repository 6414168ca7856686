-- Notifications: the outbox (durable intent, written in the same transaction as the change it reports), one-time
-- subscribe grants per openid and template, the in-app inbox, handled message-push events, and staff's bound WeChat.
-- Portable to MySQL 8.0 and TiDB: claims are guarded UPDATEs, duplicates are stopped by unique keys (INSERT IGNORE).

ALTER TABLE staff ADD COLUMN openid VARCHAR(64) NULL;

CREATE TABLE notification_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(32)   NOT NULL,  -- application_approved | application_rejected | application_transferred | review_digest | sla_reminder | sla_escalation | info_reminder
    recipient_type  VARCHAR(8)    NOT NULL,  -- worker | staff
    recipient_id    BIGINT        NOT NULL,
    template_key    VARCHAR(32)   NOT NULL,  -- Notifications:Templates:<key> in configuration
    fields          VARCHAR(2000) NOT NULL,  -- JSON object of logical field name -> value; never 身份证号 or phone
    dedupe_key      VARCHAR(160)  NULL,      -- reminders: once per application, threshold and recipient
    status          VARCHAR(16)   NOT NULL,  -- pending | sending | sent | no_grant | dead
    attempts        INT           NOT NULL DEFAULT 0,
    holds_grant     TINYINT(1)    NOT NULL DEFAULT 0,  -- a grant was taken for this row and not yet spent
    next_attempt_at DATETIME(6)   NOT NULL,
    claim_token     VARCHAR(36)   NULL,
    claimed_until   DATETIME(6)   NULL,
    last_error      VARCHAR(255)  NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_outbox_dedupe (dedupe_key),
    KEY ix_outbox_due (status, next_attempt_at),
    KEY ix_outbox_claim (claim_token),
    KEY ix_outbox_recipient (recipient_type, recipient_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time grants: each "accept" in wx.requestSubscribeMessage is worth exactly one send, and WeChat reports no count.
-- The unmatched_* counters pair an accept reported by the mini-program with the same accept pushed by WeChat.
CREATE TABLE subscription_quota (
    openid            VARCHAR(64) NOT NULL,
    template_id       VARCHAR(64) NOT NULL,
    remaining         INT         NOT NULL DEFAULT 0,
    unmatched_client  INT         NOT NULL DEFAULT 0,
    unmatched_push    INT         NOT NULL DEFAULT 0,
    unmatched_at      DATETIME(6) NULL,
    updated_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (openid, template_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE messages (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    recipient_type VARCHAR(8)   NOT NULL,
    recipient_id   BIGINT       NOT NULL,
    outbox_id      BIGINT       NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    title          VARCHAR(64)  NOT NULL,
    body           VARCHAR(500) NOT NULL,
    page           VARCHAR(255) NULL,
    application_id BIGINT       NULL,
    created_at     DATETIME(6)  NOT NULL,
    read_at        DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_messages_outbox (outbox_id),
    KEY ix_messages_recipient (recipient_type, recipient_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- WeChat retries a push it got no answer to; an event already handled is recognised by this key.
CREATE TABLE wechat_push_events (
    event_key   VARCHAR(191) NOT NULL,
    received_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
