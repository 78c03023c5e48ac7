/** The dossiers of the organisation of the session, newest first, each linking to its summary. */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady } from './dom.js';
import { request } from './api.js';
import { announce } from './forms.js';
import { consultsDossiers, startPage } from './layout.js';
import { dossierPage } from './dossier.js';

const session = await startPage(consultsDossiers);
byId('organisation').textContent = t('accueil.organisation', { name: session.organisationName || '', siren: session.siren });
try {
  const dossiers = await request('GET', `/organisations/${session.siren}/dossiers`);
  fillTable(byId('dossiers').tBodies[0], dossiers, (dossier) => el('tr', {},
    el('th', { scope: 'row', text: dossier.year }),
    el('td', { text: dossier.questionnaireCode }),
    el('td', { text: dossier.questionnaireVersion }),
    el('td', {}, el('a', { href: dossierPage('sommaire', dossier.id),
      text: t('dossiers.ouvrir', { code: dossier.questionnaireCode, year: dossier.year }) }))), t('dossiers.aucun'));
} catch (error) {
  announce(byId('dossiers-messages'), 'erreur', error.message);
}
pageReady();
