/**
 * The reports of a dossier (/dossier/rapports.html?id=N), e.g. the federation's individual financial diagnosis, to
 * download as PDF or XLSX.
 */
import { t } from './messages-fr.js';
import { byId, pageReady, queryParam } from './dom.js';
import { request } from './api.js';
import { announce } from './forms.js';
import { startPage } from './layout.js';
import { dossierPage } from './dossier.js';
import { showReports } from './rapports-liste.js';

await startPage();
const id = queryParam('id');
const region = byId('rapports-messages');

async function start() {
  if (!id) {
    announce(region, 'erreur', t('rapports.sans-dossier'));
    return;
  }
  byId('retour').setAttribute('href', dossierPage('sommaire', id));
  try {
    const [dossier, reports] = await Promise.all([
      request('GET', `/dossiers/${encodeURIComponent(id)}`),
      request('GET', `/dossiers/${encodeURIComponent(id)}/reports`),
    ]);
    byId('chapo-rapports').textContent = t('rapports.chapo', {
      questionnaire: dossier.questionnaireCode, year: dossier.year, siren: dossier.siren,
    });
    showReports(byId('rapports').tBodies[0], reports,
      (report, format) => `/dossiers/${encodeURIComponent(id)}/reports/${encodeURIComponent(report.code)}?format=${format}`,
      region);
  } catch (error) {
    announce(region, 'erreur', error.message);
  }
}

await start();
pageReady();
