-- A revision for optimistic locking of organisations: their updates need it in If-Match (the ETag).
ALTER TABLE organisation ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
