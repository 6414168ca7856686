-- 186,000 synthetic stations spread over mainland China for scripts/bench.sh: 70% around 50 cities (a Gaussian
-- spread per city, weighted by size), 30% scattered over boxes that cover the land (more where people live).
-- Deterministic: every random number is a hash of the row number, so each run measures the same data.
-- Runs on the bench's own database only (never the dev or test data). Portable SQL (window functions, no procedures).

SET @total = 186000;
SET @city_share = 0.70;

DROP TABLE IF EXISTS bench_digits, bench_seq, bench_cities, bench_boxes;
CREATE TABLE bench_digits (d INT NOT NULL PRIMARY KEY);
INSERT INTO bench_digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);

CREATE TABLE bench_seq (n INT NOT NULL PRIMARY KEY, u1 DOUBLE NOT NULL, u2 DOUBLE NOT NULL, u3 DOUBLE NOT NULL);
INSERT INTO bench_seq (n, u1, u2, u3)
SELECT n,
       CONV(SUBSTRING(MD5(CONCAT('a', n)), 1, 8), 16, 10) / 4294967296,
       CONV(SUBSTRING(MD5(CONCAT('b', n)), 1, 8), 16, 10) / 4294967296,
       CONV(SUBSTRING(MD5(CONCAT('c', n)), 1, 8), 16, 10) / 4294967296
FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d AS n
      FROM bench_digits a, bench_digits b, bench_digits c, bench_digits e, bench_digits f, bench_digits g) numbers
WHERE n < @total;

-- City centres (GCJ-02, approximate), weight ~ urban size, sigma = spread in km.
CREATE TABLE bench_cities (id INT NOT NULL PRIMARY KEY, name VARCHAR(16) NOT NULL, province CHAR(6) NOT NULL, lat DOUBLE NOT NULL,
    lng DOUBLE NOT NULL, weight DOUBLE NOT NULL, sigma_km DOUBLE NOT NULL, cum_lo DOUBLE NULL, cum_hi DOUBLE NULL);
INSERT INTO bench_cities (id, name, province, lat, lng, weight, sigma_km) VALUES
(1, '上海', '310000', 31.2304, 121.4737, 6.0, 18), (2, '北京', '110000', 39.9042, 116.4074, 6.0, 18),
(3, '广州', '440000', 23.1291, 113.2644, 4.5, 15), (4, '深圳', '440000', 22.5431, 114.0579, 4.5, 12),
(5, '重庆', '500000', 29.5630, 106.5516, 4.5, 18), (6, '成都', '510000', 30.5728, 104.0668, 4.5, 15),
(7, '天津', '120000', 39.3434, 117.3616, 3.5, 15), (8, '武汉', '420000', 30.5928, 114.3055, 3.5, 15),
(9, '西安', '610000', 34.3416, 108.9398, 3.0, 14), (10, '杭州', '330000', 30.2741, 120.1551, 3.5, 14),
(11, '南京', '320000', 32.0603, 118.7969, 3.0, 13), (12, '苏州', '320000', 31.2990, 120.5853, 3.0, 13),
(13, '郑州', '410000', 34.7466, 113.6254, 3.0, 13), (14, '长沙', '430000', 28.2282, 112.9388, 2.5, 12),
(15, '沈阳', '210000', 41.8057, 123.4315, 2.5, 12), (16, '青岛', '370000', 36.0671, 120.3826, 2.5, 12),
(17, '东莞', '440000', 23.0207, 113.7518, 2.5, 12), (18, '佛山', '440000', 23.0215, 113.1214, 2.5, 12),
(19, '济南', '370000', 36.6512, 117.1201, 2.0, 11), (20, '哈尔滨', '230000', 45.8038, 126.5350, 2.0, 11),
(21, '合肥', '340000', 31.8206, 117.2272, 2.0, 11), (22, '昆明', '530000', 25.0389, 102.7183, 2.0, 11),
(23, '大连', '210000', 38.9140, 121.6147, 1.8, 10), (24, '厦门', '350000', 24.4798, 118.0894, 1.5, 9),
(25, '福州', '350000', 26.0745, 119.2965, 1.8, 10), (26, '南宁', '450000', 22.8170, 108.3665, 1.8, 10),
(27, '长春', '220000', 43.8171, 125.3235, 1.8, 10), (28, '石家庄', '130000', 38.0428, 114.5149, 1.8, 10),
(29, '太原', '140000', 37.8706, 112.5489, 1.5, 10), (30, '南昌', '360000', 28.6820, 115.8579, 1.5, 10),
(31, '贵阳', '520000', 26.6470, 106.6302, 1.5, 10), (32, '乌鲁木齐', '650000', 43.8256, 87.6168, 1.2, 10),
(33, '兰州', '620000', 36.0611, 103.8343, 1.2, 9), (34, '呼和浩特', '150000', 40.8424, 111.7490, 1.0, 8),
(35, '银川', '640000', 38.4872, 106.2309, 0.8, 8), (36, '西宁', '630000', 36.6171, 101.7782, 0.7, 7),
(37, '拉萨', '540000', 29.6500, 91.1000, 0.4, 6), (38, '海口', '460000', 20.0440, 110.1999, 0.8, 8),
(39, '宁波', '330000', 29.8683, 121.5440, 1.8, 10), (40, '无锡', '320000', 31.4912, 120.3119, 1.6, 10),
(41, '温州', '330000', 27.9938, 120.6994, 1.4, 10), (42, '徐州', '320000', 34.2044, 117.2858, 1.2, 10),
(43, '唐山', '130000', 39.6309, 118.1802, 1.1, 10), (44, '洛阳', '410000', 34.6197, 112.4539, 1.0, 9),
(45, '泉州', '350000', 24.8741, 118.6757, 1.2, 10), (46, '烟台', '370000', 37.4638, 121.4479, 1.0, 9),
(47, '南通', '320000', 31.9802, 120.8943, 1.0, 9), (48, '绍兴', '330000', 30.0303, 120.5802, 1.0, 9),
(49, '玉溪', '530000', 24.3518, 102.5437, 0.5, 6), (50, '新平', '530000', 24.0700, 101.9900, 0.2, 4);

-- Land boxes for the scattered rest, weighted roughly by where roads and people are.
CREATE TABLE bench_boxes (id INT NOT NULL PRIMARY KEY, province CHAR(6) NOT NULL, lat_min DOUBLE NOT NULL, lat_max DOUBLE NOT NULL,
    lng_min DOUBLE NOT NULL, lng_max DOUBLE NOT NULL, weight DOUBLE NOT NULL, cum_lo DOUBLE NULL, cum_hi DOUBLE NULL);
INSERT INTO bench_boxes (id, province, lat_min, lat_max, lng_min, lng_max, weight) VALUES
(1, '420000', 22.0, 41.0, 103.0, 122.0, 60),  -- east and centre
(2, '230000', 41.0, 50.0, 119.0, 131.0, 10),  -- north-east
(3, '150000', 37.0, 45.0, 100.0, 119.0, 8),   -- north, Inner Mongolia
(4, '530000', 21.0, 33.0, 97.0, 103.0, 10),   -- south-west
(5, '540000', 28.0, 38.0, 80.0, 97.0, 4),     -- Tibet, Qinghai
(6, '650000', 36.0, 48.0, 75.0, 96.0, 4),     -- Xinjiang
(7, '450000', 20.0, 22.0, 106.0, 117.0, 4);   -- far south

UPDATE bench_cities c JOIN (SELECT id, SUM(weight) OVER (ORDER BY id) / SUM(weight) OVER () AS hi,
    weight / SUM(weight) OVER () AS share FROM bench_cities) w ON w.id = c.id SET c.cum_hi = w.hi, c.cum_lo = w.hi - w.share;
UPDATE bench_boxes b JOIN (SELECT id, SUM(weight) OVER (ORDER BY id) / SUM(weight) OVER () AS hi,
    weight / SUM(weight) OVER () AS share FROM bench_boxes) w ON w.id = b.id SET b.cum_hi = w.hi, b.cum_lo = w.hi - w.share;
UPDATE bench_cities SET cum_hi = 1.0000001 WHERE id = 50;
UPDATE bench_boxes SET cum_hi = 1.0000001 WHERE id = 7;

INSERT IGNORE INTO regions (code, name, level, kind, parent_code, sort_order)
SELECT DISTINCT province, CONCAT('省级区划', province), 'province', NULL, NULL, 0 FROM (SELECT province FROM bench_cities UNION SELECT province FROM bench_boxes) p;

DELETE FROM station_qrcodes;
DELETE FROM stations;

-- Cities: a Rayleigh-distributed distance (capped at 4 sigma) in a uniform direction from the centre.
INSERT INTO stations (code, name, type, address, region_code, latitude, longitude, facilities, opening_hours, phone, owning_union_id,
    status, created_at, updated_at)
SELECT CONCAT('B', LPAD(s.n, 6, '0')), CONCAT(c.name, '工会驿站', s.n), ELT(s.n % 20 + 1, 'driver_home', 'driver_home',
       'union_post', 'union_post', 'union_post', 'union_post', 'union_post', 'union_post', 'union_post', 'union_post', 'union_post',
       'union_post', 'union_post', 'union_post', 'union_post', 'union_post', 'workers_home', 'workers_home', 'workers_home', 'other'),
       CONCAT(c.name, '合成地址', s.n, '号'), c.province,
       ROUND(c.lat + LEAST(4 * c.sigma_km, c.sigma_km * SQRT(-2 * LN(GREATEST(s.u2, 1e-12)))) * COS(2 * PI() * s.u3) / 111.32, 6),
       ROUND(c.lng + LEAST(4 * c.sigma_km, c.sigma_km * SQRT(-2 * LN(GREATEST(s.u2, 1e-12)))) * SIN(2 * PI() * s.u3)
             / (111.32 * COS(RADIANS(c.lat))), 6),
       '[]', '{}', NULL, 1, 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM bench_seq s JOIN bench_cities c ON s.u1 >= c.cum_lo AND s.u1 < c.cum_hi
WHERE s.n < @total * @city_share;

INSERT INTO stations (code, name, type, address, region_code, latitude, longitude, facilities, opening_hours, phone, owning_union_id,
    status, created_at, updated_at)
SELECT CONCAT('B', LPAD(s.n, 6, '0')), CONCAT('乡村工会驿站', s.n), ELT(s.n % 4 + 1, 'driver_home', 'union_post', 'union_post', 'other'),
       CONCAT('乡村合成地址', s.n, '号'), b.province,
       ROUND(b.lat_min + s.u2 * (b.lat_max - b.lat_min), 6), ROUND(b.lng_min + s.u3 * (b.lng_max - b.lng_min), 6),
       '[]', '{}', NULL, 1, 'active', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM bench_seq s JOIN bench_boxes b ON s.u1 >= b.cum_lo AND s.u1 < b.cum_hi
WHERE s.n >= @total * @city_share;

UPDATE stations SET
    facilities = ELT(id % 6 + 1,
        '["drinking_water","meal_heating","charging","toilet","rest"]',
        '["drinking_water","charging","toilet"]',
        '["drinking_water","meal_heating","charging","toilet","rest","shower","laundry","parking"]',
        '["drinking_water","toilet","rest","wifi","air_conditioning"]',
        '["drinking_water","charging","first_aid","wifi"]',
        '["drinking_water","meal_heating","toilet","rest","parking","vehicle_repair","convenience_store"]'),
    opening_hours = ELT(id % 10 + 1,
        '{"allDay":true,"weekly":[],"afterHoursAccess":"scan_qr"}',
        '{"allDay":true,"weekly":[],"afterHoursAccess":"face"}',
        '{"allDay":false,"weekly":[{"days":[1,2,3,4,5],"open":"08:00","close":"18:00"}],"afterHoursAccess":"attendant"}',
        '{"allDay":false,"weekly":[{"days":[1,2,3,4,5],"open":"08:00","close":"18:00"}],"afterHoursAccess":"attendant"}',
        '{"allDay":false,"weekly":[{"days":[1,2,3,4,5],"open":"08:30","close":"17:30"}],"afterHoursAccess":null}',
        '{"allDay":false,"weekly":[{"days":[1,2,3,4,5,6,7],"open":"08:00","close":"20:00"}],"afterHoursAccess":null}',
        '{"allDay":false,"weekly":[{"days":[1,2,3,4,5,6,7],"open":"08:00","close":"20:00"}],"afterHoursAccess":"scan_qr"}',
        '{"allDay":false,"weekly":[{"days":[1,2,3,4,5,6],"open":"07:00","close":"19:00"}],"afterHoursAccess":"attendant"}',
        '{"allDay":false,"weekly":[{"days":[1,2,3,4,5,6,7],"open":"20:00","close":"08:00"}],"afterHoursAccess":"face"}',
        '{"allDay":true,"weekly":[],"afterHoursAccess":"attendant"}'),
    phone = CONCAT('0', 10 + id % 890, '-', LPAD(id % 10000000, 7, '0'));

UPDATE station_index_version SET version = version + 1 WHERE id = 1;
DROP TABLE bench_digits, bench_seq, bench_cities, bench_boxes;

SELECT COUNT(*) AS stations FROM stations;
