-- Sạch Hơn schema, version 2: reference data.
--
-- The reference tables hold the contents of the shipped (or DoIT-updated) files in
-- data/reference/, loaded by sh-refdata.c. Each file replaces all rows of its kind in
-- one transaction. Every value row carries its source and reliability tag (V, P, M;
-- DOMAIN.md §0). Rows of different kinds refer to each other by code, without
-- foreign keys, so one kind can be reloaded without touching the others; the loader
-- checks those references instead.

-- Which file of each kind is loaded.
CREATE TABLE reference_version (
  kind       TEXT PRIMARY KEY CHECK (kind IN ('lists', 'sectors', 'options', 'provinces', 'plans')),
  file_name  TEXT NOT NULL,
  version    TEXT NOT NULL,
  file_date  TEXT NOT NULL,
  sha256     TEXT NOT NULL CHECK (length (sha256) = 64),
  origin     TEXT NOT NULL CHECK (origin IN ('shipped', 'import')),
  loaded_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Danh mục (lists.xml)
CREATE TABLE ref_list_value (
  list           TEXT NOT NULL CHECK (list IN ('option_category', 'cause_category', 'screening',
                                               'cost_class', 'waste_type', 'observation_category',
                                               'evidence_kind')),
  code           TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  name_vi        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  description_vi TEXT,
  description_en TEXT,
  typical_cost   TEXT,
  tag            TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source         TEXT NOT NULL CHECK (length (source) >= 3),
  PRIMARY KEY (list, code)
);

-- Ngành (sectors.xml)
CREATE TABLE ref_sector (
  code           TEXT PRIMARY KEY,
  seq            INTEGER NOT NULL,
  name_vi        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  description_vi TEXT,
  description_en TEXT,
  vsic_code      TEXT NOT NULL,
  priority       INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
  tag            TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source         TEXT NOT NULL CHECK (length (source) >= 3)
);

CREATE TABLE ref_sector_vsic (
  sector_code TEXT NOT NULL REFERENCES ref_sector (code) ON DELETE CASCADE,
  vsic_code   TEXT NOT NULL,
  is_primary  INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
  name_vi     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  tag         TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source      TEXT NOT NULL CHECK (length (source) >= 3),
  PRIMARY KEY (sector_code, vsic_code)
);

-- Công đoạn mẫu
CREATE TABLE ref_process_step (
  id          INTEGER PRIMARY KEY,
  sector_code TEXT NOT NULL REFERENCES ref_sector (code) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  code        TEXT NOT NULL,
  name_vi     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  tag         TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source      TEXT NOT NULL CHECK (length (source) >= 3),
  UNIQUE (sector_code, code)
);

-- Đầu vào / đầu ra điển hình của công đoạn mẫu
CREATE TABLE ref_step_flow (
  id        INTEGER PRIMARY KEY,
  step_id   INTEGER NOT NULL REFERENCES ref_process_step (id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('input', 'output')),
  kind      TEXT NOT NULL CHECK (kind IN ('material', 'water', 'energy', 'product', 'by_product', 'waste', 'emission')),
  name_vi   TEXT NOT NULL,
  name_en   TEXT NOT NULL,
  unit      TEXT
);
CREATE INDEX ref_step_flow_step ON ref_step_flow (step_id);

-- Dòng thải điển hình
CREATE TABLE ref_waste_stream (
  id             INTEGER PRIMARY KEY,
  sector_code    TEXT NOT NULL REFERENCES ref_sector (code) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  code           TEXT NOT NULL,
  type           TEXT NOT NULL CHECK (type IN ('wastewater', 'solid', 'hazardous', 'air', 'heat', 'noise')),
  step_code      TEXT,
  name_vi        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  description_vi TEXT,
  description_en TEXT,
  tag            TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source         TEXT NOT NULL CHECK (length (source) >= 3),
  UNIQUE (sector_code, code)
);

-- Bảng kiểm khảo sát hiện trường
CREATE TABLE ref_checklist_item (
  code        TEXT PRIMARY KEY,
  sector_code TEXT NOT NULL REFERENCES ref_sector (code) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  category    TEXT NOT NULL CHECK (category IN ('leak', 'spill', 'idle_running', 'insulation', 'lighting', 'metering_gap', 'housekeeping', 'safety', 'other')),
  step_code   TEXT,
  question_vi TEXT NOT NULL,
  question_en TEXT NOT NULL,
  tag         TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source      TEXT NOT NULL CHECK (length (source) >= 3)
);
CREATE INDEX ref_checklist_item_sector ON ref_checklist_item (sector_code);

-- Mức tiêu thụ riêng tham khảo. value_min/value_max hold a range; a single value is
-- stored in both. The unit is unit per (per_quantity × per_unit).
CREATE TABLE ref_benchmark (
  code         TEXT PRIMARY KEY,
  sector_code  TEXT NOT NULL REFERENCES ref_sector (code) ON DELETE CASCADE,
  seq          INTEGER NOT NULL,
  indicator    TEXT NOT NULL,
  value_min    REAL CHECK (value_min >= 0),
  value_max    REAL CHECK (value_max >= 0),
  unit         TEXT NOT NULL,
  per_unit     TEXT,
  per_quantity REAL NOT NULL DEFAULT 1 CHECK (per_quantity > 0),
  year         INTEGER,
  basis_vi     TEXT NOT NULL,
  basis_en     TEXT NOT NULL,
  note_vi      TEXT,
  note_en      TEXT,
  tag          TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source       TEXT NOT NULL CHECK (length (source) >= 3),
  CHECK (value_min IS NOT NULL OR value_max IS NOT NULL),
  CHECK (value_min IS NULL OR value_max IS NULL OR value_min <= value_max)
);
CREATE INDEX ref_benchmark_sector ON ref_benchmark (sector_code);

-- Định mức tiêu hao năng lượng theo thông tư (giá trị tối đa). Capacity bounds are
-- NULL when open; valid_to is the last day the norm applies.
CREATE TABLE ref_energy_norm (
  id                   INTEGER PRIMARY KEY,
  sector_code          TEXT NOT NULL REFERENCES ref_sector (code) ON DELETE CASCADE,
  seq                  INTEGER NOT NULL,
  product_code         TEXT NOT NULL,
  product_vi           TEXT NOT NULL,
  product_en           TEXT NOT NULL,
  instrument           TEXT NOT NULL,
  capacity_min         REAL,
  capacity_min_incl    INTEGER NOT NULL DEFAULT 1 CHECK (capacity_min_incl IN (0, 1)),
  capacity_max         REAL,
  capacity_max_incl    INTEGER NOT NULL DEFAULT 1 CHECK (capacity_max_incl IN (0, 1)),
  capacity_unit        TEXT,
  valid_from           TEXT NOT NULL,
  valid_to             TEXT NOT NULL CHECK (valid_to >= valid_from),
  value                REAL NOT NULL CHECK (value >= 0),
  unit                 TEXT NOT NULL,
  per_unit             TEXT NOT NULL,
  tag                  TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source               TEXT NOT NULL CHECK (length (source) >= 3)
);
CREATE INDEX ref_energy_norm_product ON ref_energy_norm (product_code);

-- Thư viện giải pháp SXSH (options.xml). sector_code NULL = all sectors.
CREATE TABLE ref_option (
  code            TEXT PRIMARY KEY,
  sector_code     TEXT,
  seq             INTEGER NOT NULL,
  category        TEXT NOT NULL CHECK (category IN ('GH', 'IMC', 'BPC', 'EM', 'TC', 'OR', 'BP', 'PM')),
  cost_class      TEXT NOT NULL CHECK (cost_class IN ('none', 'low', 'medium', 'high')),
  step_code       TEXT,
  title_vi        TEXT NOT NULL,
  title_en        TEXT NOT NULL,
  description_vi  TEXT,
  description_en  TEXT,
  saving_resource TEXT NOT NULL,
  saving_min_pct  REAL NOT NULL CHECK (saving_min_pct BETWEEN 0 AND 100),
  saving_max_pct  REAL NOT NULL CHECK (saving_max_pct BETWEEN saving_min_pct AND 100),
  saving_tag      TEXT NOT NULL CHECK (saving_tag IN ('V', 'P', 'M')),
  saving_source   TEXT NOT NULL CHECK (length (saving_source) >= 3),
  tag             TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source          TEXT NOT NULL CHECK (length (source) >= 3)
);
CREATE INDEX ref_option_sector ON ref_option (sector_code);

-- Tỉnh, thành phố (provinces.xml). A code may name different units in different
-- periods (e.g. 15: Yên Bái to 30/6/2025, Lào Cai from 1/7/2025). valid_to is the
-- last day; successor_code names the unit that continues it from the next day.
CREATE TABLE ref_province (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL CHECK (length (code) = 2),
  set_code       TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('province', 'city')),
  name_vi        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  doit_vi        TEXT,
  doit_en        TEXT,
  valid_from     TEXT NOT NULL,
  valid_to       TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
  successor_code TEXT,
  tag            TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source         TEXT NOT NULL CHECK (length (source) >= 3),
  UNIQUE (code, valid_from)
);

-- Văn bản pháp lý (plans.xml)
CREATE TABLE ref_instrument (
  number   TEXT PRIMARY KEY,
  seq      INTEGER NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('decision', 'circular', 'joint_circular', 'decree', 'law', 'letter')),
  issuer   TEXT NOT NULL,
  date     TEXT,
  in_force TEXT,
  status   TEXT NOT NULL CHECK (status IN ('in_force', 'expired', 'unknown')),
  title_vi TEXT NOT NULL,
  title_en TEXT NOT NULL,
  note_vi  TEXT,
  note_en  TEXT,
  tag      TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source   TEXT NOT NULL CHECK (length (source) >= 3)
);

-- Kế hoạch SXSH của tỉnh. province_code is the code before 1 July 2025.
CREATE TABLE ref_plan (
  code            TEXT PRIMARY KEY,
  seq             INTEGER NOT NULL,
  province_code   TEXT NOT NULL,
  number          TEXT,
  date            TEXT NOT NULL,
  from_year       INTEGER NOT NULL,
  to_year         INTEGER NOT NULL CHECK (to_year >= from_year),
  report_deadline TEXT CHECK (report_deadline IS NULL OR length (report_deadline) = 5),
  basis           TEXT,
  title_vi        TEXT NOT NULL,
  title_en        TEXT NOT NULL,
  focal_unit_vi   TEXT,
  focal_unit_en   TEXT,
  tag             TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source          TEXT NOT NULL CHECK (length (source) >= 3)
);
CREATE INDEX ref_plan_province ON ref_plan (province_code);

-- Chỉ tiêu: of a national instrument or of a provincial plan.
CREATE TABLE ref_target (
  id              INTEGER PRIMARY KEY,
  instrument      TEXT REFERENCES ref_instrument (number) ON DELETE CASCADE,
  plan_code       TEXT REFERENCES ref_plan (code) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  indicator       TEXT NOT NULL CHECK (indicator IN ('AWARE_PCT', 'APPLY_PCT', 'SAVING_PCT_MIN', 'SAVING_PCT_MAX',
                                                     'CP_UNIT_PCT', 'DOIT_STAFF_PCT', 'TRAINED_STAFF_PCT',
                                                     'SECTOR_REDUCTION_PCT_MIN', 'SECTOR_REDUCTION_PCT_MAX',
                                                     'ROADMAP_PCT', 'PARKS_INFORMED_PCT', 'SCP_MODELS',
                                                     'PROVINCE_CAMPAIGN_PCT', 'PROVINCE_PLAN_PCT',
                                                     'GREEN_PACKAGING_PCT', 'ASSESSMENTS_PER_YEAR',
                                                     'DEMO_MODELS_PER_YEAR', 'BUDGET_VND')),
  from_year       INTEGER,
  to_year         INTEGER NOT NULL,
  value           REAL NOT NULL CHECK (value >= 0),
  value_max       REAL CHECK (value_max IS NULL OR value_max >= value),
  unit            TEXT NOT NULL CHECK (unit IN ('%', 'count', 'per_year', 'VND')),
  sector_code     TEXT,
  subject_vi      TEXT NOT NULL,
  subject_en      TEXT NOT NULL,
  tag             TEXT NOT NULL CHECK (tag IN ('V', 'P', 'M')),
  source          TEXT NOT NULL CHECK (length (source) >= 3),
  CHECK ((instrument IS NULL) != (plan_code IS NULL))
);
CREATE INDEX ref_target_plan ON ref_target (plan_code);
CREATE INDEX ref_target_instrument ON ref_target (instrument);

-- Ưu tiên ngành của kế hoạch tỉnh. sector_code is NULL for a sector outside ref_sector.
CREATE TABLE ref_plan_sector (
  plan_code   TEXT NOT NULL REFERENCES ref_plan (code) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  sector_code TEXT,
  name_vi     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  PRIMARY KEY (plan_code, seq)
);
