-- A re-verification stopped by a crash is marked INTERRUPTED (11 characters) at the next start.
ALTER TABLE impact_report ALTER COLUMN state SET DATA TYPE VARCHAR(20);
