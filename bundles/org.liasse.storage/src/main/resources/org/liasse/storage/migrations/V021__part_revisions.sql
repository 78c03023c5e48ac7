-- Revisions for optimistic locking of what is written apart from a dossier's values or an organisation's record:
-- a dossier's recipient choices, justifications and attachments, an organisation's consents to peers. Their writes
-- need it in If-Match (the ETag) and raise it by one.
ALTER TABLE dossier ADD COLUMN choice_revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE dossier ADD COLUMN justification_revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE dossier ADD COLUMN attachment_revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE organisation ADD COLUMN consent_revision BIGINT NOT NULL DEFAULT 1;
