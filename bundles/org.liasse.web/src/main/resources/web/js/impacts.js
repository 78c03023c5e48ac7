/**
 * Impact reports for operators: each change of the controls of a questionnaire, the dossiers re-verified, and per
 * dossier the controls newly failing and newly passing (a federation operator sees its federation's dossiers only).
 * /operateur/impacts.html?rapport=<id> opens the detail of that report.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam } from './dom.js';
import { request } from './api.js';
import { announce } from './forms.js';
import { isOperator, startPage } from './layout.js';
import { dossierPage } from './dossier.js';

await startPage(isOperator);
const region = byId('impacts-messages');

function codes(list) {
  return list.length === 0 ? t('impacts.aucun') : list.join(', ');
}

async function showDetail(summary) {
  const report = await request('GET', `/impacts/${summary.id}`);
  byId('detail-bloc').hidden = false;
  byId('titre-detail').textContent = t('impacts.detail-titre', { code: report.questionnaireCode, year: report.year, trigger: report.trigger });
  byId('detail-resume').textContent = t('impacts.detail-resume', {
    dossiers: report.dossiers, affected: report.affected, failing: report.newlyFailing, passing: report.newlyPassing,
    read: report.readMillis, evaluation: report.evaluationMillis, storing: report.storingMillis,
  });
  fillTable(byId('lignes').tBodies[0], report.lines, (line) => el('tr', {},
    el('th', { scope: 'row', text: line.siren }),
    el('td', {}, el('a', { href: dossierPage('verification', line.dossierId), text: t('impacts.dossier', { id: line.dossierId }) })),
    el('td', { text: codes(line.newlyFailing) }),
    el('td', { text: codes(line.newlyPassing) })), t('impacts.aucune-ligne'));
  byId('titre-detail').focus();
}

async function showReports() {
  const reports = await request('GET', '/impacts');
  fillTable(byId('impacts').tBodies[0], reports, (report) => el('tr', {},
    el('th', { scope: 'row', text: formatInstant(report.started) }),
    el('td', { text: t('impacts.questionnaire', { code: report.questionnaireCode, year: report.year }) }),
    el('td', { text: report.trigger }),
    el('td', { text: report.state === 'FAILED' ? `${t(`impacts.etat.${report.state}`)} : ${report.error}` : t(`impacts.etat.${report.state}`) }),
    el('td', { class: 'nombre', text: report.dossiers }),
    el('td', { class: 'nombre', text: report.affected }),
    el('td', { class: 'nombre', text: report.newlyFailing }),
    el('td', { class: 'nombre', text: report.newlyPassing }),
    el('td', {}, el('button', {
      type: 'button', class: 'bouton-secondaire bouton-petit', text: t('impacts.voir'),
      'aria-label': t('impacts.voir-libelle', { code: report.questionnaireCode, year: report.year, at: formatInstant(report.started) }),
      onClick: () => showDetail(report).catch((error) => announce(region, 'erreur', error.message)),
    }))), t('impacts.aucun-rapport'));
}

try {
  await showReports();
  if (queryParam('rapport')) {
    await showDetail({ id: encodeURIComponent(queryParam('rapport')) });
  }
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
