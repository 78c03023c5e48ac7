-- Reminder emails sent before deadlines: one row per organisation, questionnaire, deadline and reminder day, written
-- before the email goes, so that a reminder is never sent twice, even after a restart.
CREATE TABLE reminder (
  campaign_year INTEGER NOT NULL REFERENCES campaign (campaign_year),
  siren CHAR(9) NOT NULL REFERENCES organisation (siren),
  questionnaire_code VARCHAR(40) NOT NULL,
  deadline DATE NOT NULL,
  days_before INTEGER NOT NULL,
  sent_at TIMESTAMP NOT NULL,
  recipients VARCHAR(4000) NOT NULL,
  PRIMARY KEY (campaign_year, siren, questionnaire_code, deadline, days_before)
);
