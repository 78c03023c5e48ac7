-- The questionnaires a campaign collects, each with its deadline; a revision for optimistic locking of campaigns.
ALTER TABLE campaign ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;

CREATE TABLE campaign_questionnaire (
  campaign_year INTEGER NOT NULL REFERENCES campaign (campaign_year),
  questionnaire_code VARCHAR(40) NOT NULL,
  questionnaire_version VARCHAR(40),
  deadline DATE NOT NULL,
  PRIMARY KEY (campaign_year, questionnaire_code)
);
