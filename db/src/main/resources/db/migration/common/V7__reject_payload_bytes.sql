-- Rejected payloads are kept byte-exact. A reject is often exactly what PostgreSQL's text type
-- cannot hold (a NUL byte, invalid UTF-8), so the raw bytes go into a bytea column, capped to their
-- first 64 KiB, with the original length beside them. Topic and reason stay text; the ingest makes
-- them safe for it (no NUL, no unpaired surrogate) before they are written.
--
-- The old `payload text` column stays, read-only: rows written before this migration (or by a node
-- still running the previous version during a rolling upgrade) keep their payload there, and
-- RejectDao reads it as UTF-8 bytes when payload_bytes is NULL. It is not converted here, because
-- it did not hold the raw bytes either (NUL was rewritten, undecodable payloads were base64 text).
-- The table keeps only its newest rows, so the old column empties itself; a later migration may
-- drop it.
ALTER TABLE ingest_rejects
  ADD COLUMN payload_bytes  bytea CHECK (octet_length(payload_bytes) <= 65536),
  ADD COLUMN payload_length integer CHECK (payload_length >= 0);

COMMENT ON COLUMN ingest_rejects.payload IS
  'Before V7: the payload as text (NUL as \u0000, non-UTF-8 as base64:...). NULL in newer rows.';
COMMENT ON COLUMN ingest_rejects.payload_bytes IS
  'The raw payload, its first 64 KiB; NULL when none was kept (see reason). encode(payload_bytes, ''escape'') shows it as text.';
COMMENT ON COLUMN ingest_rejects.payload_length IS
  'Length of the whole raw payload in bytes, before the 64 KiB cap.';
