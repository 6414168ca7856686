-- National-scale synthetic data for scripts/bench.sh coverage: 3,000 townships (a synthetic province 900000 with 30
-- prefectures × 10 counties × 10 townships, each township with its township federation), 3,000,000 applications from
-- as many WeChat users, 2,000,000 active members, 50,000 enterprises (with their unions when they have one) and a
-- survey per township × worker group. Everything happened before the end of day @d0 (China time), which the caller sets.
-- Deterministic: every random number is a hash of the row number. Set-based, on MariaDB's SEQUENCE engine (seq_1_to_N).
-- Runs on the bench's own database only, right after the migrations (the big tables must be empty: MariaDB then loads
-- them in bulk and builds their indexes by sorting, with unique and foreign key checks off; the keys are unique by
-- construction). Personal data is fake and constant-looking: sealed values that open with no key, SHA2 "hashes" of the
-- row number, masks of zeros. Sizes can be lowered for a trial run by setting @applications, @members, @submitted and
-- @enterprises before sourcing this file.

SET @applications = COALESCE(@applications, 3000000);
SET @members = COALESCE(@members, 2000000);       -- = the approved applications
SET @submitted = COALESCE(@submitted, 30000);     -- the newest applications, still open
SET @enterprises = COALESCE(@enterprises, 50000);
SET @started = SYSDATE(6);
SET @d0_end = TIMESTAMP(@d0 + INTERVAL 1 DAY) - INTERVAL 8 HOUR;   -- midnight after @d0 in China, as UTC
SET @step = 30;                                                    -- seconds between two submissions (3M: ~2.9 years)
SET @decided_pool = @applications - @submitted;

SET SESSION foreign_key_checks = 0, unique_checks = 0;

DROP TABLE IF EXISTS bench_coverage_meta, bench_townships;
CREATE TABLE bench_townships (t INT NOT NULL PRIMARY KEY, code VARCHAR(12) NOT NULL, union_id BIGINT NOT NULL);

-- Regions: 900000 → 9001..9030 00 → 9001..9030 01..10 → + 001..010.
INSERT INTO regions (code, name, level, kind, parent_code, sort_order)
VALUES ('900000', '合成省', 'province', NULL, NULL, 0);
INSERT INTO regions (code, name, level, kind, parent_code, sort_order)
SELECT CONCAT('90', LPAD(p.seq, 2, '0'), '00'), CONCAT('合成市', p.seq), 'prefecture', NULL, '900000', p.seq FROM seq_1_to_30 p;
INSERT INTO regions (code, name, level, kind, parent_code, sort_order)
SELECT CONCAT('90', LPAD(p.seq, 2, '0'), LPAD(c.seq, 2, '0')), CONCAT('合成县', p.seq, '-', c.seq), 'county', NULL,
       CONCAT('90', LPAD(p.seq, 2, '0'), '00'), c.seq
FROM seq_1_to_30 p, seq_1_to_10 c;
INSERT INTO bench_townships (t, code, union_id)
SELECT (p.seq - 1) * 100 + (c.seq - 1) * 10 + k.seq, CONCAT('90', LPAD(p.seq, 2, '0'), LPAD(c.seq, 2, '0'), LPAD(k.seq, 3, '0')),
       100000 + (p.seq - 1) * 100 + (c.seq - 1) * 10 + k.seq
FROM seq_1_to_30 p, seq_1_to_10 c, seq_1_to_10 k;
INSERT INTO regions (code, name, level, kind, parent_code, sort_order)
SELECT code, CONCAT('合成', ELT(1 + t % 3, '街道', '镇', '乡'), LPAD(t, 4, '0')), 'township', ELT(1 + t % 3, '街道', '镇', '乡'),
       LEFT(code, 6), 1 + (t - 1) % 10
FROM bench_townships;

-- A township federation per township, under the county federation (id 1), as the seeded tree has them.
INSERT INTO organizations (id, code, name, type, parent_id, path, region_code, worker_group_code, created_at)
SELECT union_id, CONCAT('bench-tf-', LPAD(t, 4, '0')), CONCAT('合成', LPAD(t, 4, '0'), '乡镇总工会'), 'township_federation', 1,
       CONCAT('/1/', union_id, '/'), code, NULL, @d0_end - INTERVAL 4 YEAR
FROM bench_townships;

-- The reviewer who decided everything.
INSERT INTO staff (username, display_name, password_hash, role, union_id, disabled, created_at)
VALUES ('bench-reviewer', '合成审核员', '!', 'county_admin', 1, 1, @d0_end - INTERVAL 4 YEAR);
SET @reviewer = LAST_INSERT_ID();

-- Enterprises: staff counts skewed (about 31% have 100 or more), a union more often in the bigger ones, a few key flags.
DROP TABLE IF EXISTS bench_enterprises;
CREATE TABLE bench_enterprises (e INT NOT NULL PRIMARY KEY, t INT NOT NULL, staff INT NOT NULL, u3 DOUBLE NOT NULL,
    u4 DOUBLE NOT NULL, status VARCHAR(16) NOT NULL);
INSERT INTO bench_enterprises (e, t, staff, u3, u4, status)
SELECT seq, 1 + LEAST(2999, FLOOR(3000 * POW(u1, 1.5))), 5 + FLOOR(4000 * POW(u2, 10)), u3, u4,
       CASE WHEN 5 + FLOOR(4000 * POW(u2, 10)) >= 100
            THEN IF(u3 < 0.55, 'established', IF(u3 < 0.70, 'forming', 'none'))
            ELSE IF(u3 < 0.25, 'established', IF(u3 < 0.30, 'forming', 'none')) END
FROM (SELECT seq, CONV(SUBSTRING(h, 1, 8), 16, 10) / 4294967296 AS u1, CONV(SUBSTRING(h, 9, 8), 16, 10) / 4294967296 AS u2,
             CONV(SUBSTRING(h, 17, 8), 16, 10) / 4294967296 AS u3, CONV(SUBSTRING(h, 25, 8), 16, 10) / 4294967296 AS u4
      FROM (SELECT seq, MD5(CONCAT('bench-enterprise-', seq)) AS h FROM seq_1_to_10000000 WHERE seq <= @enterprises) s) r;

INSERT INTO organizations (id, code, name, type, parent_id, path, region_code, worker_group_code, created_at)
SELECT 200000 + b.e, CONCAT('bench-eu-', LPAD(b.e, 6, '0')), CONCAT('合成企业', LPAD(b.e, 6, '0'), '工会'), 'enterprise_union',
       t.union_id, CONCAT('/1/', t.union_id, '/', 200000 + b.e, '/'), t.code, NULL, @d0_end - INTERVAL FLOOR(b.u4 * 1400) DAY
FROM bench_enterprises b JOIN bench_townships t ON t.t = b.t
WHERE b.status = 'established';

INSERT INTO enterprises (id, name, credit_code, township_code, union_id, created_at, updated_at, address, industry, ownership_type,
    in_industrial_park, staff_count, female_staff_count, migrant_staff_count, legal_representative, contact_name, department_code,
    liaison, key_npc_cppcc, key_top_private, key_top_entrepreneur, key_yuxi_industrial, union_status, union_name, union_chair,
    union_established_on, member_count, no_union_reason, planned_on, note, current_step_code, step_changed_at, version)
SELECT b.e, CONCAT('合成企业', LPAD(b.e, 6, '0'), '有限公司'), CONCAT('9B', LPAD(b.e, 16, '0')), t.code,
       IF(b.status = 'established', 200000 + b.e, NULL), @d0_end - INTERVAL 1500 DAY, @d0_end - INTERVAL FLOOR(b.u4 * 300) DAY,
       CONCAT('合成地址', b.e, '号'), ELT(1 + b.e % 6, '道路货物运输', '快递服务', '餐饮配送', '护理服务', '制造业', '批发和零售业'),
       ELT(1 + b.e % 4, 'private', 'private', 'limited_liability', 'joint_stock'), 0,
       b.staff, FLOOR(b.staff * (0.2 + 0.5 * b.u4)), FLOOR(b.staff * 0.5 * b.u3), '合成法人', '合成联系人',
       IF(b.e % 10 = 9, NULL, ELT(1 + b.e % 14, 'county_federation', 'party_organization', 'public_security', 'transport', 'health',
           'culture_tourism', 'education_sports', 'commerce', 'postal_service', 'market_regulation', 'housing',
           'federation_of_commerce', 'civil_affairs', 'industry_technology')),
       NULL, IF(b.u4 < 0.02, 1, 0), IF(b.u4 >= 0.02 AND b.u4 < 0.024, 1, 0), IF(b.u4 >= 0.024 AND b.u4 < 0.028, 1, 0),
       IF(b.u4 >= 0.028 AND b.u4 < 0.032, 1, 0), b.status,
       IF(b.status = 'established', CONCAT('合成企业', LPAD(b.e, 6, '0'), '工会'), NULL), IF(b.status = 'established', '合成主席', NULL),
       IF(b.status = 'established', DATE(@d0_end - INTERVAL FLOOR(b.u4 * 1400) DAY), NULL),
       IF(b.status = 'established', FLOOR(b.staff * (0.5 + 0.45 * b.u3)), 0), NULL,
       IF(b.status = 'forming', @d0 + INTERVAL FLOOR(b.u3 * 180) DAY, NULL), NULL,
       CASE b.status WHEN 'established' THEN 'established' WHEN 'forming' THEN ELT(1 + b.e % 4, 'reminder_letter', 'notice', 'commitment',
           'preparatory_group') END,
       IF(b.status = 'none', NULL, @d0_end - INTERVAL FLOOR(b.u4 * 300) DAY), 1
FROM bench_enterprises b JOIN bench_townships t ON t.t = b.t;

-- Applications: application n was sent by WeChat user n for person n, at a steady pace up to the end of @d0 (so ids follow
-- submission time). The newest @submitted are open; of the others exactly @members are approved, evenly spread, and the
-- rest rejected (72%) or withdrawn. Townships are skewed (the first ones are the most populous), groups weighted.
DROP TABLE IF EXISTS bench_applications;
CREATE TABLE bench_applications (n INT NOT NULL PRIMARY KEY, t INT NOT NULL, grp VARCHAR(40) NOT NULL, status VARCHAR(16) NOT NULL,
    submitted_at DATETIME(6) NOT NULL, closed_at DATETIME(6) NULL, u3 DOUBLE NOT NULL, u4 DOUBLE NOT NULL);
INSERT INTO bench_applications (n, t, grp, status, submitted_at, closed_at, u3, u4)
SELECT n, 1 + LEAST(2999, FLOOR(3000 * POW(u1, 1.5))),
       CASE WHEN u2 < 0.18 THEN 'truck_driver' WHEN u2 < 0.30 THEN 'courier' WHEN u2 < 0.44 THEN 'food_delivery_rider'
            WHEN u2 < 0.50 THEN 'care_worker' WHEN u2 < 0.56 THEN 'domestic_worker' WHEN u2 < 0.61 THEN 'mall_promoter'
            WHEN u2 < 0.65 THEN 'real_estate_agent' WHEN u2 < 0.72 THEN 'security_guard' WHEN u2 < 0.92 THEN 'enterprise_100plus'
            WHEN u2 < 0.95 THEN 'private_education' WHEN u2 < 0.98 THEN 'private_medical' ELSE 'other' END,
       status, submitted_at,
       CASE WHEN status = 'submitted' THEN NULL
            WHEN submitted_at + INTERVAL (3600 + FLOOR(u4 * u4 * 30 * 86400)) SECOND < @d0_end
            THEN submitted_at + INTERVAL (3600 + FLOOR(u4 * u4 * 30 * 86400)) SECOND
            ELSE submitted_at + INTERVAL FLOOR(u4 * TIMESTAMPDIFF(SECOND, submitted_at, @d0_end)) SECOND END,
       u3, u4
FROM (SELECT n, u1, u2, u3, u4,
             @d0_end - INTERVAL ((@applications - n) * @step + 60 + FLOOR(u3 * (@step - 1))) SECOND AS submitted_at,
             CASE WHEN n > @decided_pool THEN 'submitted'
                  WHEN FLOOR(n * @members / @decided_pool) > FLOOR((n - 1) * @members / @decided_pool) THEN 'approved'
                  WHEN u3 < 0.72 THEN 'rejected' ELSE 'withdrawn' END AS status
      FROM (SELECT seq AS n, CONV(SUBSTRING(h, 1, 8), 16, 10) / 4294967296 AS u1, CONV(SUBSTRING(h, 9, 8), 16, 10) / 4294967296 AS u2,
                   CONV(SUBSTRING(h, 17, 8), 16, 10) / 4294967296 AS u3, CONV(SUBSTRING(h, 25, 8), 16, 10) / 4294967296 AS u4
            FROM (SELECT seq, MD5(CONCAT('bench-application-', seq)) AS h FROM seq_1_to_10000000 WHERE seq <= @applications) s) r) a;

INSERT INTO users (id, openid, unionid, session_key, created_at, last_login_at, phone_sealed, phone_hash, phone_masked)
SELECT n, CONCAT('obench', LPAD(n, 22, '0')), NULL, NULL, submitted_at - INTERVAL 10 MINUTE, COALESCE(closed_at, submitted_at),
       CONCAT('v1.bench.', REPEAT('A', 52)), SHA2(CONCAT('bench-phone-', n), 256), '100****0000'
FROM bench_applications ORDER BY n;

INSERT INTO applications (id, user_id, status, version, name, id_number_sealed, id_number_hash, id_number_masked, phone_sealed,
    phone_hash, phone_masked, gender, birth_date, ethnicity, education, political_status, hukou_type, is_migrant_worker,
    worker_group_code, employment_form, employer_enterprise_id, employer_name, employer_credit_code, platform, residence_township,
    station_id, receiving_union_id, routing_rule, consent_version, consent_agreed_at, reject_reason, reject_note, decided_by,
    decided_at, submitted_at, created_at, updated_at)
SELECT a.n, a.n, a.status, IF(a.status = 'submitted', 1, 2), CONCAT('合成职工', LPAD(a.n, 7, '0')),
       CONCAT('v1.bench.', REPEAT('A', 64)), SHA2(CONCAT('bench-person-', a.n), 256), '0000**********0000',
       CONCAT('v1.bench.', REPEAT('A', 52)), SHA2(CONCAT('bench-phone-', a.n), 256), '100****0000',
       IF(a.u4 < 0.62, 'male', 'female'), @d0 - INTERVAL (18 * 365 + FLOOR(a.u3 * 40 * 365)) DAY,
       IF(a.n % 10 < 8, '01', LPAD(2 + a.n % 9, 2, '0')),
       ELT(1 + a.n % 6, 'junior_high', 'senior_high', 'junior_high', 'junior_college', 'bachelor', 'primary_or_below'),
       IF(a.n % 7 = 0, '01', '13'), ELT(1 + a.n % 3, 'agricultural', 'resident', 'non_agricultural'), IF(a.n % 5 < 2, 1, 0),
       a.grp,
       CASE WHEN a.grp IN ('courier', 'food_delivery_rider') THEN 'platform_flexible' WHEN a.grp = 'truck_driver' THEN 'affiliated'
            ELSE 'labor_contract' END,
       IF(a.grp = 'enterprise_100plus', 1 + a.n % @enterprises, NULL),
       IF(a.grp = 'enterprise_100plus', CONCAT('合成企业', LPAD(1 + a.n % @enterprises, 6, '0'), '有限公司'), NULL),
       IF(a.grp = 'enterprise_100plus', CONCAT('9B', LPAD(1 + a.n % @enterprises, 16, '0')), NULL),
       CASE a.grp WHEN 'courier' THEN ELT(1 + a.n % 3, '中通', '顺丰', '韵达') WHEN 'food_delivery_rider' THEN ELT(1 + a.n % 2, '美团', '饿了么') END,
       t.code, NULL,
       CASE WHEN a.u3 < 0.3 AND a.grp = 'truck_driver' THEN 15 WHEN a.u3 < 0.3 AND a.grp = 'courier' THEN 16
            WHEN a.u3 < 0.3 AND a.grp = 'food_delivery_rider' THEN 17 ELSE t.union_id END,
       IF(a.u3 < 0.3 AND a.grp IN ('truck_driver', 'courier', 'food_delivery_rider'), 'industry_union', 'township_union'),
       '2026-01', a.submitted_at - INTERVAL 1 MINUTE,
       IF(a.status = 'rejected', ELT(1 + a.n % 5, 'info_incomplete', 'identity_unverified', 'not_eligible', 'already_member', 'wrong_union'), NULL),
       NULL, IF(a.status IN ('approved', 'rejected'), @reviewer, NULL), IF(a.status IN ('approved', 'rejected'), a.closed_at, NULL),
       a.submitted_at, a.submitted_at, COALESCE(a.closed_at, a.submitted_at)
FROM bench_applications a STRAIGHT_JOIN bench_townships t ON t.t = a.t;

-- Members: one per approved application, joined on the China date of the approval; numbered as the application numbers them.
INSERT INTO members (id, member_number, user_id, application_id, union_id, name, id_number_hash, worker_group_code, township_code,
    joined_on, status, created_at)
SELECT m.id, CONCAT('XP', YEAR(m.joined_on), LPAD(m.id, 7, '0')), m.user_id, m.application_id, m.union_id, m.name, m.id_number_hash,
       m.worker_group_code, m.township_code, m.joined_on, 'active', m.created_at
FROM (SELECT ROW_NUMBER() OVER (ORDER BY a.id) AS id, a.user_id, a.id AS application_id, a.receiving_union_id AS union_id, a.name,
             a.id_number_hash, a.worker_group_code, a.residence_township AS township_code,
             DATE(a.decided_at + INTERVAL 8 HOUR) AS joined_on, a.decided_at AS created_at
      FROM applications a WHERE a.status = 'approved') m;

-- Surveys (附件2) in force since 1 January of @d0's year: the people working in each group somewhere between 1.1 and 3.5
-- times the members found there, units of about 40 workers, a share of them with a union.
INSERT INTO group_surveys (period_start, township_code, worker_group_code, workers, units, units_with_union, coverage_mode, note,
    updated_by, updated_at)
SELECT MAKEDATE(YEAR(@d0), 1), w.township_code, w.grp, w.workers, GREATEST(1, CEIL(w.workers / 40)),
       FLOOR(GREATEST(1, CEIL(w.workers / 40)) * w.u1), ELT(1 + (w.t + w.sort_order) % 4, 'single', 'joint', 'industry', 'regional'),
       NULL, @reviewer, TIMESTAMP(MAKEDATE(YEAR(@d0), 1)) + INTERVAL 2 HOUR
FROM (SELECT x.t, x.township_code, x.grp, x.sort_order, x.u1,
             CEIL(GREATEST(5, COALESCE(c.members, 0)) * (1.1 + 2.4 * x.u2)) AS workers
      FROM (SELECT t.t, t.code AS township_code, g.code AS grp, g.sort_order,
                   CONV(SUBSTRING(MD5(CONCAT('bench-survey-', t.t, '-', g.code)), 1, 8), 16, 10) / 4294967296 AS u1,
                   CONV(SUBSTRING(MD5(CONCAT('bench-survey-', t.t, '-', g.code)), 9, 8), 16, 10) / 4294967296 AS u2
            FROM bench_townships t CROSS JOIN worker_groups g) x
      LEFT JOIN (SELECT township_code, worker_group_code, COUNT(*) AS members FROM members
                 GROUP BY township_code, worker_group_code) c
        ON c.township_code = x.township_code AND c.worker_group_code = x.grp) w;

SET SESSION foreign_key_checks = 1, unique_checks = 1;
DROP TABLE bench_applications, bench_enterprises;
ANALYZE TABLE users, applications, members, enterprises, organizations, regions, group_surveys;

-- Written last: its row says the data set is complete and which day it ends with.
CREATE TABLE bench_coverage_meta (id TINYINT NOT NULL PRIMARY KEY, d0 DATE NOT NULL, reviewer_id BIGINT NOT NULL,
    generated_at DATETIME(6) NOT NULL, generation_seconds INT NOT NULL);
INSERT INTO bench_coverage_meta VALUES (1, @d0, @reviewer, UTC_TIMESTAMP(6), TIMESTAMPDIFF(SECOND, @started, SYSDATE(6)));
