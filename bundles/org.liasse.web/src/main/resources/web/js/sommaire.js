/** The summary of a dossier: its fiches with their state, the other actions, and the five previous years. */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce } from './forms.js';
import { startPage } from './layout.js';
import { dossierPage, editable, ficheState, loadDossier } from './dossier.js';

const session = await startPage();
const id = queryParam('id');
const region = byId('sommaire-messages');

try {
  const { dossier, questionnaire, campaign } = await loadDossier(id);
  const canEdit = editable(session, campaign);
  document.title = `${questionnaire.title} ${dossier.year} – Liasse`;
  byId('titre-dossier').textContent = t('sommaire.titre', { title: questionnaire.title, year: dossier.year });
  byId('chapo-dossier').textContent = t('sommaire.chapo', {
    siren: dossier.siren, version: dossier.questionnaireVersion, state: t(`campagne.${campaign.state}`) });
  if (!canEdit) {
    announce(region, 'info', campaign.state === 'OPEN' ? t('sommaire.lecture-droits') : t('sommaire.lecture-campagne'));
  }
  fillTable(byId('fiches').tBodies[0], questionnaire.fiches, (fiche) => {
    const state = ficheState(fiche, questionnaire.formulas, dossier.values);
    return el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: dossierPage('saisie', id, { fiche: fiche.code }),
        text: t(canEdit ? 'sommaire.saisir' : 'sommaire.consulter', { title: fiche.title }) })),
      el('td', {}, el('span', { class: `etat etat-${state.state}`, text: t(`fiche.${state.state}`) })),
      el('td', { text: t('sommaire.remplissage', { filled: state.filled, entered: state.entered }) }),
      el('td', { text: state.missing }));
  }, '');
  replaceChildren(byId('outils'), [
    canEdit && (session.rights || []).includes('dossier.importer')
      && el('li', {}, el('a', { href: dossierPage('import', id), text: t('sommaire.importer') })),
    el('li', {}, el('a', { href: dossierPage('verification', id), text: t('sommaire.verifier') })),
    el('li', {}, el('a', { href: dossierPage('pieces', id), text: t('sommaire.pieces') })),
    el('li', {}, el('a', { href: dossierPage('evolutions', id), text: t('sommaire.evolutions', { year: dossier.year }) })),
  ].filter(Boolean));
  const past = await request('GET', `/dossiers/${encodeURIComponent(id)}/past`);
  replaceChildren(byId('annees'), past.length === 0 ? [el('li', { text: t('sommaire.aucune-annee') })]
    : past.map((old) => el('li', {}, el('a', { href: dossierPage('sommaire', old.id),
      text: t('sommaire.annee', { year: old.year, version: old.questionnaireVersion }) }))));
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
