-- Sạch Hơn schema, version 4: where a field's value came from.
--
-- A quick assessment may be written on the printed paper form (mất điện,
-- hết pin) and typed in later. Each field typed in that way gets a row here
-- saying so: which column of which row (by uuid, so the claim survives a
-- row brought back by undo with a new id), the form's field code, when and
-- by whom it was typed in.
--
-- value_text is the value as the entry stored it (numbers in the plain
-- form). The claim "entered from paper" holds only while the column still
-- has that value: a later hand edit ends it without a second write, and
-- undoing that edit brings it back, so the claim never outlives the value.
--
-- Rows belong to the assessment the form was typed into (also for the
-- facility's fields), so the assessment's lock, audit trail and undo history
-- cover them like any other of its rows.

CREATE TABLE field_provenance (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  assessment_id  INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  table_name     TEXT NOT NULL,
  row_uuid       TEXT NOT NULL,
  column_name    TEXT NOT NULL,
  source         TEXT NOT NULL CHECK (source IN ('paper')),
  form_code      TEXT,
  value_text     TEXT,
  entered_at     TEXT NOT NULL,
  entered_by     TEXT,
  UNIQUE (assessment_id, table_name, row_uuid, column_name)
);
CREATE INDEX field_provenance_row ON field_provenance (table_name, row_uuid);
