-- Sạch Hơn schema, version 1.
--
-- Conventions:
--  * every record has an integer id (local) and a uuid (for exchange and merging);
--  * money is an INTEGER number of đồng; quantities are REAL with a unit code beside them;
--  * dates are ISO 8601 text (YYYY-MM-DD), timestamps ISO 8601 UTC;
--  * enumerations are CHECK constraints, so a bad value never reaches the file;
--  * children are deleted with their parent (ON DELETE CASCADE) unless they are only
--    referenced, in which case the reference is cleared (ON DELETE SET NULL).

-- Chuyên gia tư vấn
CREATE TABLE consultant (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL CHECK (length (trim (name)) > 0),
  organisation     TEXT,
  certificate_no   TEXT,
  certificate_date TEXT,
  phone            TEXT,
  email            TEXT,
  signature        BLOB,
  created_at       TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Cơ sở sản xuất công nghiệp
CREATE TABLE facility (
  id                     INTEGER PRIMARY KEY,
  uuid                   TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL CHECK (length (trim (name)) > 0),
  tax_code               TEXT,
  address                TEXT,
  province_code          TEXT,
  district               TEXT,
  phone                  TEXT,
  email                  TEXT,
  legal_representative   TEXT,
  ownership              TEXT,
  vsic_code              TEXT,
  sector_code            TEXT,
  size_class             TEXT CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
  employees              INTEGER CHECK (employees >= 0),
  capital_vnd            INTEGER CHECK (capital_vnd >= 0),
  revenue_vnd            INTEGER CHECK (revenue_vnd >= 0),
  operating_days         INTEGER CHECK (operating_days BETWEEN 0 AND 366),
  shifts_per_day         INTEGER CHECK (shifts_per_day BETWEEN 0 AND 4),
  certifications         TEXT,
  key_energy_user        INTEGER NOT NULL DEFAULT 0 CHECK (key_energy_user IN (0, 1)),
  cp_unit_decision_no    TEXT,
  cp_unit_decision_date  TEXT,
  cp_start_year          INTEGER,
  env_permit             TEXT,
  latitude               REAL CHECK (latitude BETWEEN -90 AND 90),
  longitude              REAL CHECK (longitude BETWEEN -180 AND 180),
  notes                  TEXT,
  created_at             TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at             TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Sản phẩm chính và công suất thiết kế
CREATE TABLE facility_product (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  facility_id   INTEGER NOT NULL REFERENCES facility (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  capacity      REAL CHECK (capacity >= 0),
  capacity_unit TEXT,
  annual_output REAL CHECK (annual_output >= 0),
  output_unit   TEXT
);
CREATE INDEX facility_product_facility ON facility_product (facility_id);

-- Đội / bộ phận SXSH (W1)
CREATE TABLE team_member (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  facility_id    INTEGER NOT NULL REFERENCES facility (id) ON DELETE CASCADE,
  name           TEXT NOT NULL CHECK (length (trim (name)) > 0),
  position       TEXT,
  department     TEXT,
  role           TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'member', 'consultant')),
  phone          TEXT,
  email          TEXT,
  responsibility TEXT
);
CREATE INDEX team_member_facility ON team_member (facility_id);

-- Đào tạo, nâng cao nhận thức
CREATE TABLE training_event (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  facility_id  INTEGER NOT NULL REFERENCES facility (id) ON DELETE CASCADE,
  date         TEXT NOT NULL,
  title        TEXT NOT NULL CHECK (length (trim (title)) > 0),
  organiser    TEXT,
  participants TEXT,
  participant_count INTEGER CHECK (participant_count >= 0),
  certificate  TEXT
);
CREATE INDEX training_event_facility ON training_event (facility_id);

-- Đợt đánh giá (nhanh / chi tiết)
CREATE TABLE assessment (
  id                    INTEGER PRIMARY KEY,
  uuid                  TEXT NOT NULL UNIQUE,
  facility_id           INTEGER NOT NULL REFERENCES facility (id) ON DELETE CASCADE,
  parent_assessment_id  INTEGER REFERENCES assessment (id) ON DELETE SET NULL,
  kind                  TEXT NOT NULL CHECK (kind IN ('quick', 'detailed', 'follow_up')),
  title                 TEXT,
  start_date            TEXT,
  end_date              TEXT CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  site_days             INTEGER CHECK (site_days >= 0),
  funding_source        TEXT CHECK (funding_source IN ('central', 'provincial', 'enterprise', 'donor', 'other')),
  scope                 TEXT,
  focus                 TEXT,
  status                TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalized', 'submitted')),
  baseline_from         TEXT,
  baseline_to           TEXT CHECK (baseline_to IS NULL OR baseline_from IS NULL OR baseline_to >= baseline_from),
  language              TEXT NOT NULL DEFAULT 'vi',
  operating_regime      TEXT,
  environmental_status  TEXT,
  tolerance_pct         REAL NOT NULL DEFAULT 5 CHECK (tolerance_pct > 0 AND tolerance_pct <= 100),
  discount_rate_pct     REAL NOT NULL DEFAULT 10 CHECK (discount_rate_pct > -100),
  life_years            INTEGER NOT NULL DEFAULT 10 CHECK (life_years BETWEEN 1 AND 100),
  target_min_pct        REAL NOT NULL DEFAULT 8,
  target_max_pct        REAL NOT NULL DEFAULT 13 CHECK (target_max_pct >= target_min_pct),
  proposed_focus        TEXT,
  cp_potential_pct      REAL CHECK (cp_potential_pct BETWEEN 0 AND 100),
  recommendation        TEXT,
  continue_recommended  INTEGER CHECK (continue_recommended IN (0, 1)),
  sustain_sops          TEXT,
  sustain_training      TEXT,
  sustain_kpis          TEXT,
  next_focus            TEXT,
  next_review_date      TEXT,
  consultant_signature_name  TEXT,
  consultant_signature_date  TEXT,
  facility_signature_name    TEXT,
  facility_signature_date    TEXT,
  finalized_at          TEXT,
  created_at            TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX assessment_facility ON assessment (facility_id);

CREATE TABLE assessment_consultant (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  consultant_id INTEGER NOT NULL REFERENCES consultant (id) ON DELETE CASCADE,
  role          TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'member')),
  UNIQUE (assessment_id, consultant_id)
);

-- Số liệu sản xuất (W3)
CREATE TABLE production_record (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  assessment_id   INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  phase           TEXT NOT NULL DEFAULT 'baseline' CHECK (phase IN ('baseline', 'after')),
  period_label    TEXT NOT NULL,
  period_start    TEXT,
  period_end      TEXT CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
  product         TEXT NOT NULL,
  quantity        REAL NOT NULL CHECK (quantity >= 0),
  unit            TEXT NOT NULL,
  operating_hours REAL CHECK (operating_hours >= 0)
);
CREATE INDEX production_record_assessment ON production_record (assessment_id);

-- Tiêu thụ tài nguyên (W3)
CREATE TABLE resource_consumption (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  assessment_id  INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  phase          TEXT NOT NULL DEFAULT 'baseline' CHECK (phase IN ('baseline', 'after')),
  period_label   TEXT NOT NULL,
  period_start   TEXT,
  period_end     TEXT CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
  resource_code  TEXT NOT NULL,
  resource_name  TEXT,
  fuel_code      TEXT,
  category       TEXT NOT NULL CHECK (category IN ('electricity', 'fuel', 'water', 'material', 'chemical', 'other')),
  quantity       REAL NOT NULL CHECK (quantity >= 0),
  unit           TEXT NOT NULL,
  unit_price_vnd INTEGER CHECK (unit_price_vnd >= 0),
  data_source    TEXT CHECK (data_source IN ('meter', 'invoice', 'estimate', 'paper')),
  meter_id       TEXT
);
CREATE INDEX resource_consumption_assessment ON resource_consumption (assessment_id);

-- Công đoạn (W2)
CREATE TABLE process_step (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL DEFAULT 0,
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  description   TEXT,
  parameters    TEXT,
  layout_y      REAL
);
CREATE INDEX process_step_assessment ON process_step (assessment_id);

CREATE TABLE equipment (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  step_id       INTEGER NOT NULL REFERENCES process_step (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  rated_kw      REAL CHECK (rated_kw >= 0),
  capacity      TEXT,
  age_years     INTEGER CHECK (age_years >= 0),
  condition     TEXT
);
CREATE INDEX equipment_step ON equipment (step_id);

-- Dòng vật chất / năng lượng (W5). A flow runs from a step or a boundary node
-- (named by its label) to a step or a boundary node.
CREATE TABLE flow (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  assessment_id     INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  phase             TEXT NOT NULL DEFAULT 'baseline' CHECK (phase IN ('baseline', 'after')),
  from_step_id      INTEGER REFERENCES process_step (id) ON DELETE CASCADE,
  from_label        TEXT,
  to_step_id        INTEGER REFERENCES process_step (id) ON DELETE CASCADE,
  to_label          TEXT,
  substance         TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('material', 'water', 'energy', 'product', 'by_product', 'waste', 'emission')),
  quantity          REAL NOT NULL CHECK (quantity >= 0),
  unit              TEXT NOT NULL,
  -- A fuel measured by mass or volume joins the energy layer through its
  -- net calorific value (units.xml); NULL for everything else.
  fuel_code         TEXT,
  period            TEXT NOT NULL DEFAULT 'year' CHECK (period IN ('hour', 'day', 'batch', 'month', 'year')),
  provenance        TEXT NOT NULL DEFAULT 'estimated' CHECK (provenance IN ('measured', 'estimated', 'paper')),
  method            TEXT,
  measured_on       TEXT,
  temperature_c     REAL,
  cod_mg_l          REAL CHECK (cod_mg_l >= 0),
  bod5_mg_l         REAL CHECK (bod5_mg_l >= 0),
  ss_mg_l           REAL CHECK (ss_mg_l >= 0),
  n_mg_l            REAL CHECK (n_mg_l >= 0),
  ph                REAL CHECK (ph BETWEEN 0 AND 14),
  cost_per_unit_vnd INTEGER CHECK (cost_per_unit_vnd >= 0),
  CHECK (from_step_id IS NOT NULL OR length (trim (from_label)) > 0),
  CHECK (to_step_id IS NOT NULL OR length (trim (to_label)) > 0)
);
CREATE INDEX flow_assessment ON flow (assessment_id);

-- Dòng thải (W4, W8)
CREATE TABLE waste_stream (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  assessment_id     INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  step_id           INTEGER REFERENCES process_step (id) ON DELETE SET NULL,
  name              TEXT NOT NULL CHECK (length (trim (name)) > 0),
  type              TEXT NOT NULL CHECK (type IN ('wastewater', 'solid', 'hazardous', 'air', 'heat', 'noise')),
  quantity          REAL CHECK (quantity >= 0),
  unit              TEXT,
  characteristics   TEXT,
  handling          TEXT,
  material_loss_vnd INTEGER NOT NULL DEFAULT 0 CHECK (material_loss_vnd >= 0),
  energy_loss_vnd   INTEGER NOT NULL DEFAULT 0 CHECK (energy_loss_vnd >= 0),
  treatment_vnd     INTEGER NOT NULL DEFAULT 0 CHECK (treatment_vnd >= 0),
  fees_vnd          INTEGER NOT NULL DEFAULT 0 CHECK (fees_vnd >= 0),
  significance      INTEGER CHECK (significance BETWEEN 0 AND 10),
  is_focus          INTEGER NOT NULL DEFAULT 0 CHECK (is_focus IN (0, 1)),
  focus_reason      TEXT
);
CREATE INDEX waste_stream_assessment ON waste_stream (assessment_id);

-- Phân tích nguyên nhân (W9)
CREATE TABLE cause (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  assessment_id   INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  waste_stream_id INTEGER REFERENCES waste_stream (id) ON DELETE CASCADE,
  description     TEXT NOT NULL CHECK (length (trim (description)) > 0),
  category        TEXT NOT NULL CHECK (category IN ('raw_material', 'technology', 'equipment', 'process_control', 'operator', 'product', 'waste_handling')),
  evidence        TEXT
);
CREATE INDEX cause_assessment ON cause (assessment_id);

-- Cơ hội / giải pháp SXSH (W10–W14)
CREATE TABLE cp_option (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  assessment_id     INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  code              TEXT,
  library_code      TEXT,
  title             TEXT NOT NULL CHECK (length (trim (title)) > 0),
  description       TEXT,
  step_id           INTEGER REFERENCES process_step (id) ON DELETE SET NULL,
  category          TEXT NOT NULL CHECK (category IN ('GH', 'IMC', 'BPC', 'EM', 'TC', 'OR', 'BP', 'PM')),
  cost_class        TEXT CHECK (cost_class IN ('none', 'low', 'medium', 'high')),
  is_quick_win      INTEGER NOT NULL DEFAULT 0 CHECK (is_quick_win IN (0, 1)),
  screening         TEXT CHECK (screening IN ('implement_now', 'analyse_further', 'reject')),
  screening_reason  TEXT,
  tech_notes        TEXT,
  tech_verdict      TEXT CHECK (tech_verdict IN ('feasible', 'conditional', 'not_feasible')),
  env_notes         TEXT,
  om_change_vnd     INTEGER NOT NULL DEFAULT 0,
  avoided_cost_vnd  INTEGER NOT NULL DEFAULT 0 CHECK (avoided_cost_vnd >= 0),
  life_years        INTEGER CHECK (life_years BETWEEN 1 AND 100),
  discount_rate_pct REAL CHECK (discount_rate_pct > -100),
  econ_decision     TEXT CHECK (econ_decision IN ('accept', 'reject')),
  responsible       TEXT,
  status            TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'selected', 'in_progress', 'implemented', 'rejected')),
  planned_start     TEXT,
  planned_end       TEXT CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
  actual_start      TEXT,
  actual_end        TEXT CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start),
  selected          INTEGER NOT NULL DEFAULT 0 CHECK (selected IN (0, 1))
);
CREATE INDEX cp_option_assessment ON cp_option (assessment_id);

CREATE TABLE option_cause (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  option_id INTEGER NOT NULL REFERENCES cp_option (id) ON DELETE CASCADE,
  cause_id  INTEGER NOT NULL REFERENCES cause (id) ON DELETE CASCADE,
  UNIQUE (option_id, cause_id)
);

-- Vốn đầu tư (W13)
CREATE TABLE option_investment (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  option_id  INTEGER NOT NULL REFERENCES cp_option (id) ON DELETE CASCADE,
  item       TEXT NOT NULL CHECK (item IN ('equipment', 'installation', 'design', 'training', 'contingency', 'other')),
  amount_vnd INTEGER NOT NULL CHECK (amount_vnd >= 0),
  note       TEXT
);
CREATE INDEX option_investment_option ON option_investment (option_id);

-- Tiết kiệm hàng năm theo tài nguyên (W13)
CREATE TABLE option_saving (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  option_id      INTEGER NOT NULL REFERENCES cp_option (id) ON DELETE CASCADE,
  resource_code  TEXT NOT NULL,
  quantity       REAL NOT NULL,
  unit           TEXT NOT NULL,
  unit_price_vnd INTEGER NOT NULL DEFAULT 0 CHECK (unit_price_vnd >= 0)
);
CREATE INDEX option_saving_option ON option_saving (option_id);

-- Đánh giá môi trường (W14): reductions per year, positive = less.
CREATE TABLE option_env_effect (
  id        INTEGER PRIMARY KEY,
  uuid      TEXT NOT NULL UNIQUE,
  option_id INTEGER NOT NULL REFERENCES cp_option (id) ON DELETE CASCADE,
  indicator TEXT NOT NULL CHECK (indicator IN ('water', 'wastewater', 'cod_load', 'solid_waste', 'hazardous_waste', 'air', 'co2e')),
  reduction REAL NOT NULL,
  unit      TEXT NOT NULL
);
CREATE INDEX option_env_effect_option ON option_env_effect (option_id);

-- Ma trận xếp hạng (W15)
CREATE TABLE ranking_criterion (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  weight        REAL NOT NULL CHECK (weight >= 0)
);

CREATE TABLE ranking_score (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  criterion_id INTEGER NOT NULL REFERENCES ranking_criterion (id) ON DELETE CASCADE,
  option_id    INTEGER NOT NULL REFERENCES cp_option (id) ON DELETE CASCADE,
  score        REAL NOT NULL CHECK (score >= 0),
  UNIQUE (criterion_id, option_id)
);

-- Kế hoạch hành động (W16)
CREATE TABLE action_item (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  option_id     INTEGER REFERENCES cp_option (id) ON DELETE SET NULL,
  task          TEXT NOT NULL CHECK (length (trim (task)) > 0),
  owner         TEXT,
  start_date    TEXT,
  end_date      TEXT CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  budget_vnd    INTEGER CHECK (budget_vnd >= 0),
  resources     TEXT,
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  percent_done  INTEGER NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100)
);
CREATE INDEX action_item_assessment ON action_item (assessment_id);

-- Quan trắc (W17)
CREATE TABLE monitoring_record (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  assessment_id    INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  option_id        INTEGER REFERENCES cp_option (id) ON DELETE SET NULL,
  indicator        TEXT NOT NULL,
  resource_code    TEXT,
  unit             TEXT NOT NULL,
  baseline_value   REAL CHECK (baseline_value >= 0),
  baseline_period  TEXT,
  target_value     REAL CHECK (target_value >= 0),
  frequency        TEXT,
  measured_value   REAL CHECK (measured_value >= 0),
  measured_period  TEXT,
  measured_on      TEXT,
  savings_vnd_year INTEGER,
  verified_by      TEXT
);
CREATE INDEX monitoring_record_assessment ON monitoring_record (assessment_id);

-- Quan sát khi đi khảo sát (đánh giá nhanh)
CREATE TABLE observation (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  step_id       INTEGER REFERENCES process_step (id) ON DELETE SET NULL,
  location      TEXT,
  issue         TEXT NOT NULL CHECK (length (trim (issue)) > 0),
  category      TEXT NOT NULL CHECK (category IN ('leak', 'spill', 'idle_running', 'insulation', 'lighting', 'metering_gap', 'housekeeping', 'safety', 'other')),
  severity      TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high')),
  option_id     INTEGER REFERENCES cp_option (id) ON DELETE SET NULL,
  observed_at   TEXT
);
CREATE INDEX observation_assessment ON observation (assessment_id);

-- Bảng kiểm khi đi khảo sát
CREATE TABLE checklist_answer (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  item_code     TEXT NOT NULL,
  question      TEXT,
  answer        TEXT CHECK (answer IN ('yes', 'no', 'na')),
  note          TEXT,
  UNIQUE (assessment_id, item_code)
);

-- Bằng chứng đính kèm. The file is kept in the database (content) or by path;
-- the SHA-256 is always stored so a dossier can prove which file it cites.
CREATE TABLE evidence (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  facility_id  INTEGER REFERENCES facility (id) ON DELETE CASCADE,
  assessment_id INTEGER REFERENCES assessment (id) ON DELETE CASCADE,
  entity_table TEXT,
  entity_id    INTEGER,
  kind         TEXT NOT NULL CHECK (kind IN ('photo', 'invoice', 'meter_log', 'lab_test', 'decision', 'training_certificate', 'signed_report', 'other')),
  file_name    TEXT NOT NULL,
  media_type   TEXT,
  file_path    TEXT,
  content      BLOB,
  size_bytes   INTEGER CHECK (size_bytes >= 0),
  sha256       TEXT NOT NULL CHECK (length (sha256) = 64),
  taken_at     TEXT,
  description  TEXT,
  latitude     REAL,
  longitude    REAL,
  created_at   TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (content IS NOT NULL OR file_path IS NOT NULL)
);
CREATE INDEX evidence_assessment ON evidence (assessment_id);
CREATE INDEX evidence_entity ON evidence (entity_table, entity_id);

-- Báo cáo đánh giá hiệu quả áp dụng SXSH hằng năm
CREATE TABLE annual_report (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  facility_id        INTEGER NOT NULL REFERENCES facility (id) ON DELETE CASCADE,
  year               INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  period_from        TEXT,
  period_to          TEXT,
  recipient_province TEXT,
  deadline           TEXT,
  submitted_on       TEXT,
  status             TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'accepted')),
  next_year_plan     TEXT,
  recommendations    TEXT,
  signatory          TEXT,
  signatory_title    TEXT,
  xml_sha256         TEXT,
  xml_path           TEXT,
  UNIQUE (facility_id, year)
);

-- Nhật ký gửi / nhận hồ sơ
CREATE TABLE submission (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  facility_id      INTEGER REFERENCES facility (id) ON DELETE SET NULL,
  annual_report_id INTEGER REFERENCES annual_report (id) ON DELETE SET NULL,
  assessment_id    INTEGER REFERENCES assessment (id) ON DELETE SET NULL,
  direction        TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
  document_uuid    TEXT NOT NULL,
  document_type    TEXT NOT NULL,
  document_version INTEGER NOT NULL DEFAULT 1,
  file_name        TEXT,
  sha256           TEXT,
  at               TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  note             TEXT
);

-- Nhật ký thay đổi. Rows are written by the store for every change to an
-- assessment that has been finalized at least once; they are never edited.
CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  table_name    TEXT NOT NULL,
  row_id        INTEGER NOT NULL,
  column_name   TEXT NOT NULL,
  old_value     TEXT,
  new_value     TEXT,
  changed_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  who           TEXT NOT NULL,
  why           TEXT NOT NULL
);
CREATE INDEX audit_log_assessment ON audit_log (assessment_id);

CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'audit_log is append-only');
END;
