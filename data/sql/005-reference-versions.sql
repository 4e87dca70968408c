-- Sạch Hơn schema, version 5: the reference data a received document used.
--
-- Annual reports and dossiers say in their header (DuLieuThamChieu) which
-- versions of the reference data their benchmarks, norms and option codes
-- came from. A DoIT that receives one keeps that with the log of what was
-- received, so a figure checked against older norms can be told apart:
-- "kind version" pairs, comma-separated, e.g. "lists 1.0.0, sectors 1.0.0".
-- NULL for a document that did not say, and for documents sent.

ALTER TABLE submission ADD COLUMN reference_data TEXT;
