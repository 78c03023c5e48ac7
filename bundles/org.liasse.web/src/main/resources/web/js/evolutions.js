/**
 * What changed in the questionnaire since the version of the previous year: added cells in green, removed ones in
 * red, changed ones with what changed. The kind is written too, never shown by colour alone.
 */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam } from './dom.js';
import { request } from './api.js';
import { announce } from './forms.js';
import { startPage } from './layout.js';
import { dossierPage } from './dossier.js';

await startPage();
const id = queryParam('id');
const region = byId('evolutions-messages');
byId('retour').href = dossierPage('sommaire', id);

try {
  const dossier = await request('GET', `/dossiers/${encodeURIComponent(id)}`);
  const code = encodeURIComponent(dossier.questionnaireCode);
  const versions = await request('GET', `/questionnaires/${code}`);
  const previous = versions.filter((v) => v.years.includes(dossier.year - 1)).pop();
  byId('chapo-evolutions').textContent = previous
    ? t('evolutions.chapo', { code: dossier.questionnaireCode, from: previous.version, to: dossier.questionnaireVersion, year: dossier.year })
    : t('evolutions.sans-precedent', { year: dossier.year - 1 });
  if (previous) {
    const diff = await request('GET', `/questionnaires/${code}/diff?from=${encodeURIComponent(previous.version)}&to=${encodeURIComponent(dossier.questionnaireVersion)}`);
    const count = (kind) => diff.changes.filter((change) => change.kind === kind).length;
    byId('resume-evolutions').textContent = t('evolutions.resume', { added: count('ADDED'), removed: count('REMOVED'), changed: count('CHANGED') });
    fillTable(byId('evolutions').tBodies[0], diff.changes, (change) => el('tr', { class: `evolution-${change.kind.toLowerCase()}` },
      el('td', {}, el('span', { class: `etiquette etiquette-${change.kind.toLowerCase()}`, text: t(`evolutions.${change.kind}`) })),
      el('th', { scope: 'row' }, el('code', { text: change.cell })),
      el('td', { text: change.label }),
      el('td', {}, change.details.length ? el('ul', {}, change.details.map((detail) => el('li', { text: detail }))) : '')),
    t('evolutions.aucune'));
  }
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
