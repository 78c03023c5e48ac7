-- Territory of an organisation, needed to route statements to the prefect of its département.
ALTER TABLE organisation ADD COLUMN department VARCHAR(3);

-- Campaign-wide scans (controls, reports) select dossiers by campaign and questionnaire.
CREATE INDEX dossier_campaign ON dossier (campaign_year, questionnaire_code);
