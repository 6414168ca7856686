-- Reference data: regions of 新平 (GB/T 2260 and 统计用区划代码), worker groups, the work plan's responsible
-- departments, and the union tree. Ids of the tree are fixed here so paths can be written literally.

INSERT INTO regions (code, name, level, kind, parent_code, sort_order) VALUES
('530000', '云南省', 'province', NULL, NULL, 0),
('530400', '玉溪市', 'prefecture', NULL, '530000', 0),
('530427', '新平彝族傣族自治县', 'county', NULL, '530400', 0),
('530427001', '桂山街道', 'township', '街道', '530427', 1),
('530427002', '古城街道', 'township', '街道', '530427', 2),
('530427100', '扬武镇', 'township', '镇', '530427', 3),
('530427101', '漠沙镇', 'township', '镇', '530427', 4),
('530427102', '戛洒镇', 'township', '镇', '530427', 5),
('530427103', '水塘镇', 'township', '镇', '530427', 6),
('530427200', '平甸乡', 'township', '乡', '530427', 7),
('530427201', '新化乡', 'township', '乡', '530427', 8),
('530427202', '建兴乡', 'township', '乡', '530427', 9),
('530427203', '老厂乡', 'township', '乡', '530427', 10),
('530427204', '者竜乡', 'township', '乡', '530427', 11),
('530427205', '平掌乡', 'township', '乡', '530427', 12);

INSERT INTO worker_groups (code, name, sort_order) VALUES
('truck_driver', '货车司机', 1),
('courier', '快递员', 2),
('food_delivery_rider', '网约送餐员', 3),
('care_worker', '护工护理员', 4),
('domestic_worker', '家政服务员', 5),
('mall_promoter', '商场信息员', 6),
('real_estate_agent', '房产中介员', 7),
('security_guard', '保安员', 8),
('enterprise_100plus', '百人以上企业职工', 9),
('private_education', '民办教育机构教职工', 10),
('private_medical', '民办医疗机构医护人员', 11),
('other', '其他', 99);

INSERT INTO departments (code, name, duty, sort_order) VALUES
('county_federation', '县总工会', '制订工作方案，精准摸底，建立企业建会名录、职工入会名录，协调相关职能部门，开展百人以上企业建会专项行动和货车司机等群体入会集中行动', 1),
('party_organization', '县委组织部', '牵头党建带工建，推动百人以上企业建会和货车司机等群体入会工作', 2),
('public_security', '县公安局', '推进保安服务企业、自行招用保安员单位建会，吸纳保安员入会', 3),
('transport', '县交通运输局', '推进货运企业建会和货车司机入会', 4),
('health', '县卫生健康局', '推进护工护理行业（单位）、民办医疗机构建会和护理人员入会', 5),
('culture_tourism', '县文化和旅游局', '推进宾馆酒店行业（企业）建会和服务业入会', 6),
('education_sports', '县教育体育局', '推进民办教育机构建会和入会', 7),
('commerce', '县商务局', '推进家政服务、商场企业建会和家政服务员、商场信息员（促销员、导购员等）入会', 8),
('postal_service', '中国邮政集团公司云南省新平县分公司', '推进邮政速递、顺丰、中通、申通、圆通、韵达、百世等快递企业建会和快递员入会', 9),
('market_regulation', '县市场监督管理局', '推进网约送餐企业建会和网约送餐员入会', 10),
('housing', '县住房和城乡建设局', '推进房产中介组织（房地产经纪机构）建会和房产中介员（房地产经纪人员）入会', 11),
('federation_of_commerce', '县工商联', '推进所属会员企业（商会、协会）乃至全县非公企业的建会和职工入会', 12),
('civil_affairs', '县民政局', '推进社会组织、行业协会、养老养护机构的护理护工建会和入会', 13),
('industry_technology', '县工业科技和信息化局', '突出非公企业、各级人大代表和政协委员所在企业、云南省百户优强民营企业和百名优秀企业家所在企业、玉溪市2019年100户重点培育工业企业建会入会', 14);

INSERT INTO department_worker_groups (department_code, worker_group_code) VALUES
('public_security', 'security_guard'),
('transport', 'truck_driver'),
('health', 'care_worker'),
('health', 'private_medical'),
('education_sports', 'private_education'),
('commerce', 'domestic_worker'),
('commerce', 'mall_promoter'),
('postal_service', 'courier'),
('market_regulation', 'food_delivery_rider'),
('housing', 'real_estate_agent'),
('federation_of_commerce', 'enterprise_100plus'),
('civil_affairs', 'care_worker'),
('industry_technology', 'enterprise_100plus');

INSERT INTO organizations (id, code, name, type, parent_id, path, region_code, worker_group_code) VALUES
(1, 'xp-county', '新平县总工会', 'county_federation', NULL, '/1/', '530427', NULL),
(2, 'xp-guishan', '桂山街道总工会', 'township_federation', 1, '/1/2/', '530427001', NULL),
(3, 'xp-gucheng', '古城街道总工会', 'township_federation', 1, '/1/3/', '530427002', NULL),
(4, 'xp-yangwu', '扬武镇总工会', 'township_federation', 1, '/1/4/', '530427100', NULL),
(5, 'xp-mosha', '漠沙镇总工会', 'township_federation', 1, '/1/5/', '530427101', NULL),
(6, 'xp-gasa', '戛洒镇总工会', 'township_federation', 1, '/1/6/', '530427102', NULL),
(7, 'xp-shuitang', '水塘镇总工会', 'township_federation', 1, '/1/7/', '530427103', NULL),
(8, 'xp-pingdian', '平甸乡总工会', 'township_federation', 1, '/1/8/', '530427200', NULL),
(9, 'xp-xinhua', '新化乡总工会', 'township_federation', 1, '/1/9/', '530427201', NULL),
(10, 'xp-jianxing', '建兴乡总工会', 'township_federation', 1, '/1/10/', '530427202', NULL),
(11, 'xp-laochang', '老厂乡总工会', 'township_federation', 1, '/1/11/', '530427203', NULL),
(12, 'xp-zhelong', '者竜乡总工会', 'township_federation', 1, '/1/12/', '530427204', NULL),
(13, 'xp-pingzhang', '平掌乡总工会', 'township_federation', 1, '/1/13/', '530427205', NULL),
(14, 'xp-industrial-park', '新平工业园区总工会', 'park_federation', 1, '/1/14/', '530427', NULL),
(15, 'xp-road-freight', '新平县道路货运行业工会联合会', 'industry_federation', 1, '/1/15/', '530427', 'truck_driver'),
(16, 'xp-express', '新平县快递行业工会联合会', 'industry_federation', 1, '/1/16/', '530427', 'courier'),
(17, 'xp-food-delivery', '新平县网约送餐行业工会联合会', 'industry_federation', 1, '/1/17/', '530427', 'food_delivery_rider');

ALTER TABLE organizations AUTO_INCREMENT = 1000;
