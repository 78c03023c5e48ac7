/**
 * The dossiers of the organisation of the session, newest first, each linking to its summary; and the dossiers open
 * campaigns expect, which a user with the right initialises here.
 */
import { formatDate, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce } from './forms.js';
import { consultsDossiers, startPage } from './layout.js';
import { dossierPage } from './dossier.js';

const session = await startPage(consultsDossiers);
byId('organisation').textContent = t('accueil.organisation', { name: session.organisationName || '', siren: session.siren });
const region = byId('dossiers-messages');

async function initialise(item, button) {
  if (button.getAttribute('aria-disabled') === 'true') {
    return;
  }
  button.setAttribute('aria-disabled', 'true');
  try {
    const dossier = await request('POST', `/organisations/${session.siren}/dossiers`,
      { body: { year: item.year, questionnaire: item.questionnaire } });
    window.location.assign(dossierPage('sommaire', dossier.id));
  } catch (error) {
    button.setAttribute('aria-disabled', 'false');
    announce(region, 'erreur', error.message);
  }
}

async function showAvailable() {
  const available = await request('GET', `/organisations/${session.siren}/dossiers/available`);
  const canInitialise = (session.rights || []).includes('dossier.initialiser');
  byId('initialisation-bloc').hidden = available.length === 0;
  replaceChildren(byId('initialisations'), available.map((item) => el('li', {},
    el('span', { text: t('dossiers.attendu', { title: item.title, year: item.year, deadline: formatDate(item.deadline) }) }),
    canInitialise
      ? el('button', { type: 'button', class: 'bouton-petit', text: t('dossiers.initialiser', { code: item.questionnaire, year: item.year }),
        onClick: (event) => initialise(item, event.currentTarget) })
      : el('span', { class: 'aide', text: t('dossiers.sans-droit-initialiser') }),
    ' ', formLink(item, 'pdf'), ' ', formLink(item, 'xlsx'))));
}

/** A download of the questionnaire's blank form (« trame »), to prepare the figures before entering them. */
function formLink(item, format) {
  const path = `/api/v1/questionnaires/${encodeURIComponent(item.questionnaire)}/${encodeURIComponent(item.version)}/trame`;
  return el('a', { href: format === 'pdf' ? path : `${path}?format=${format}`, download: '',
    text: t(`dossiers.trame-${format}`, { code: item.questionnaire, year: item.year }) });
}

try {
  await showAvailable();
  const dossiers = await request('GET', `/organisations/${session.siren}/dossiers`);
  fillTable(byId('dossiers').tBodies[0], dossiers, (dossier) => el('tr', {},
    el('th', { scope: 'row', text: dossier.year }),
    el('td', { text: dossier.questionnaireCode }),
    el('td', { text: dossier.questionnaireVersion }),
    el('td', {}, el('a', { href: dossierPage('sommaire', dossier.id),
      text: t('dossiers.ouvrir', { code: dossier.questionnaireCode, year: dossier.year }) }))), t('dossiers.aucun'));
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
