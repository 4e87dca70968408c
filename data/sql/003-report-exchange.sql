-- Sạch Hơn schema, version 3: the exchange of XML reports.
--
-- The submission table logs every report document sent (exported) and
-- received (imported). A document is about one subject: an annual report, an
-- assessment, or a province and year. subject_uuid names it; unlike the
-- foreign keys it survives the subject being replaced by a newer import.
-- document_version is the revision of the content about that subject, and
-- content_sha256 the digest of that content (the document without its
-- header): the same content exported twice keeps its revision, changed
-- content gets the next one, and an importer can tell a re-sent document
-- from a corrected one. sha256 stays the digest of the file itself.

ALTER TABLE submission ADD COLUMN subject_uuid TEXT;
ALTER TABLE submission ADD COLUMN content_sha256 TEXT
  CHECK (content_sha256 IS NULL OR length (content_sha256) = 64);

CREATE INDEX submission_subject ON submission (document_type, subject_uuid);
CREATE INDEX submission_document ON submission (document_uuid);
