/**
 * « Rapatrier » a dossier (/dossier/rapatriement.html?id=N): the peers and mappings it can be filled from, one
 * button each; the cells written (before and after), or the cells in conflict with an offer to replace them; and the
 * dossier's transfers.
 */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam } from './dom.js';
import { ProblemError, request } from './api.js';
import { announce, setBusy, silence } from './forms.js';
import { isOperator, startPage } from './layout.js';
import { dossierPage, loadDossierOrExplain } from './dossier.js';
import { syncRow } from './synchronisations.js';

const session = await startPage();
const id = queryParam('id');
const region = byId('sources-messages');
const { dossier } = await loadDossierOrExplain(id, region);
const canPull = !isOperator(session) && (session.rights || []).includes('dossier.importer');
const replaceButton = byId('remplacer');
let lastPeer;

byId('retour').href = dossierPage('sommaire', id);
byId('chapo-rapatriement').textContent = t('rapatriement.chapo', { questionnaire: dossier.questionnaireCode, year: dossier.year });

function showCells(cells) {
  byId('resultat-bloc').hidden = false;
  fillTable(byId('changements').tBodies[0], cells, (cell) => el('tr', {},
    el('th', { scope: 'row', class: 'code', text: cell.cell }),
    el('td', { class: 'code', text: cell.source }),
    el('td', { text: cell.local ?? '' }),
    el('td', { text: cell.incoming ?? '' })), t('rapatriement.rien'));
  byId('titre-resultat').focus();
}

async function refresh() {
  const syncs = await request('GET', `/dossiers/${encodeURIComponent(id)}/syncs`);
  byId('sources').replaceChildren(...(syncs.offers.length === 0 ? [el('li', { text: t('rapatriement.aucune-source') })]
    : syncs.offers.map((offer) => el('li', {}, el('span', { text: `${offer.title} — ${t('rapatriement.offre', offer)} ` }),
      canPull ? el('button', { type: 'button', text: t('rapatriement.bouton', { peer: offer.peer }), onClick: () => pull(offer.peer, false) }) : null))));
  fillTable(byId('echanges').tBodies[0], syncs.log, syncRow, t('echanges.aucun'));
}

async function pull(peer, replace) {
  silence(region);
  setBusy(document.body, true);
  replaceButton.hidden = true;
  lastPeer = peer;
  try {
    const current = await request('GET', `/dossiers/${encodeURIComponent(id)}`);
    const result = await request('POST', `/dossiers/${encodeURIComponent(id)}/syncs?serveur=${encodeURIComponent(peer)}`
      + (replace ? '&remplacer=true' : ''), { ifMatch: current.revision });
    announce(region, 'succes', t(`rapatriement.${result.outcome}`, { count: result.changes.length, peer }));
    showCells(result.changes);
  } catch (error) {
    announce(region, 'erreur', error.message);
    if (error instanceof ProblemError && error.problem.code === 'conflits-rapatriement') {
      showCells(error.problem.conflicts);
      replaceButton.hidden = false;
    }
  } finally {
    setBusy(document.body, false);
    await refresh();
  }
}

replaceButton.addEventListener('click', () => pull(lastPeer, true));
await refresh();
pageReady();
