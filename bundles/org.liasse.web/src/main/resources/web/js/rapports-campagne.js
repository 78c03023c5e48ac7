/**
 * Campaign reports for operators (/operateur/rapports-campagne.html?year=AAAA): the consolidated statistics and
 * summaries the plugins declare, to download as PDF or XLSX (over the operator's federation only, for a federation
 * operator).
 */
import { t } from './messages-fr.js';
import { byId, el, pageReady, queryParam, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit, silence } from './forms.js';
import { startPage } from './layout.js';
import { showReports } from './rapports-liste.js';

await startPage();
const region = byId('rapports-messages');

async function show(year) {
  silence(region);
  byId('titre-liste').textContent = t('rapports.campagne-titre', { year });
  const reports = await request('GET', `/campaigns/${year}/reports`);
  showReports(byId('rapports').tBodies[0], reports,
    (report, format) => `/campaigns/${year}/reports/${encodeURIComponent(report.code)}?format=${format}`, region);
}

async function start() {
  const campaigns = await request('GET', '/campaigns');
  if (campaigns.length === 0) {
    announce(region, 'info', t('rapports.aucune-campagne'));
    return;
  }
  replaceChildren(byId('year'), campaigns.map((campaign) => el('option', {
    value: String(campaign.year), text: t('suivi.campagne', { year: campaign.year, label: campaign.label }) })));
  const wanted = queryParam('year');
  const open = campaigns.find((campaign) => campaign.state === 'OPEN') || campaigns[0];
  byId('year').value = campaigns.some((campaign) => String(campaign.year) === wanted) ? wanted : String(open.year);
  onSubmit(byId('campagne'), async () => {
    await show(byId('year').value);
    byId('titre-liste').focus();
  });
  await show(byId('year').value);
}

try {
  await start();
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
