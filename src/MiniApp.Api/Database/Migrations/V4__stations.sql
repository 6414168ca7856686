-- Stations: facilities as reference data, photos, a change stamp that keeps every node's in-process nearby index
-- fresh, and the mini-program codes already fetched from WeChat. Portable to MySQL 8.0 and TiDB (no spatial types).

-- The facility list. A new facility is a new row here (a later migration); codes are stored in stations.facilities.
CREATE TABLE station_facilities (
    code       VARCHAR(32) NOT NULL,
    name       VARCHAR(32) NOT NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO station_facilities (code, name, sort_order) VALUES
('drinking_water', '饮水', 1),
('meal_heating', '热饭', 2),
('charging', '充电', 3),
('toilet', '如厕', 4),
('rest', '休息', 5),
('shower', '淋浴', 6),
('laundry', '洗衣', 7),
('parking', '停车', 8),
('first_aid', '药箱', 9),
('wifi', 'WiFi', 10),
('air_conditioning', '空调', 11),
('vehicle_repair', '车辆维修', 12),
('convenience_store', '便利店', 13),
('nursing_room', '母婴室', 14);

-- change_version: the value of station_index_version.version taken by the transaction that last wrote the row. Writers
-- take that counter's row lock first, so versions commit in order and a node can load "everything after version N".
ALTER TABLE stations
    ADD COLUMN photo_urls     VARCHAR(4000) NOT NULL DEFAULT '[]',
    ADD COLUMN change_version BIGINT        NOT NULL DEFAULT 0,
    ADD KEY ix_stations_change_version (change_version),
    ADD KEY ix_stations_status_region (status, region_code);

CREATE TABLE station_index_version (
    id      TINYINT NOT NULL,
    version BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO station_index_version (id, version) VALUES (1, 0);

-- getwxacodeunlimit answers are stored: codes are permanent, the quota is 5000 a minute, and posters are printed in
-- batches. A different page or env_version setting is a different key, so changing either regenerates.
CREATE TABLE station_qrcodes (
    station_id   BIGINT      NOT NULL,
    page         VARCHAR(128) NOT NULL,
    env_version  VARCHAR(16) NOT NULL,
    content_type VARCHAR(32) NOT NULL,
    image        MEDIUMBLOB  NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (station_id, page, env_version),
    CONSTRAINT fk_station_qrcodes_station FOREIGN KEY (station_id) REFERENCES stations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rows written before this migration (the demo's) named facilities and access methods in Chinese; codes from now on.
UPDATE stations SET facilities =
    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(facilities,
    '"饮水"', '"drinking_water"'), '"热饭"', '"meal_heating"'), '"充电"', '"charging"'), '"如厕"', '"toilet"'),
    '"休息"', '"rest"'), '"淋浴"', '"shower"'), '"洗衣"', '"laundry"'), '"停车"', '"parking"'), '"药箱"', '"first_aid"'),
    '"WiFi"', '"wifi"'), '"空调"', '"air_conditioning"'), '"车辆维修"', '"vehicle_repair"'), '"便利店"', '"convenience_store"'),
    '"母婴室"', '"nursing_room"');

UPDATE stations SET opening_hours =
    REPLACE(REPLACE(REPLACE(opening_hours, '"扫码"', '"scan_qr"'), '"刷脸"', '"face"'), '"人工"', '"attendant"');
