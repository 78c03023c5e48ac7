-- A campaign scan reads every value of a campaign's dossiers in one query, dossier after dossier: with the id in the
-- index, the dossiers come in order of id and each one's values by the cell_value primary key, so nothing is sorted.
DROP INDEX dossier_campaign;

CREATE INDEX dossier_campaign ON dossier (campaign_year, questionnaire_code, id);
