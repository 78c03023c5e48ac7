-- Controls that did not apply are counted on the run like passed ones, no longer stored one row each: a run keeps a
-- row only for the controls that failed or could not be evaluated.
ALTER TABLE verification ADD COLUMN not_applicable INTEGER NOT NULL DEFAULT 0;

UPDATE verification SET not_applicable = (SELECT COUNT(*) FROM verification_outcome o
  WHERE o.verification_id = verification.id AND o.status = 'NOT_APPLICABLE');

DELETE FROM verification_outcome WHERE status = 'NOT_APPLICABLE';
