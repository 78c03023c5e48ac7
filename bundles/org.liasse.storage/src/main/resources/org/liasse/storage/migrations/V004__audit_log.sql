-- Append-only, hash-chained audit log: each hash covers the previous hash and the entry's fields.
CREATE TABLE audit_entry (
  seq BIGINT NOT NULL PRIMARY KEY,
  recorded_at TIMESTAMP NOT NULL,
  action VARCHAR(120) NOT NULL,
  actor VARCHAR(120) NOT NULL,
  remote_address VARCHAR(64),
  siren CHAR(9),
  target VARCHAR(400),
  details VARCHAR(4000),
  previous_hash CHAR(64) NOT NULL,
  hash CHAR(64) NOT NULL
);

CREATE INDEX audit_entry_siren ON audit_entry (siren, seq);
