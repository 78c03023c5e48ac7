/**
 * The transmission matrix of a campaign for partner staff: one row per recipient (territorial ones stand for the
 * organisation's own prefect or federation), one column per questionnaire, a rule and optional organisation types
 * in each cell. Campaign managers save a new version (If-Match on the version); every version stays listed.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit } from './forms.js';
import { confirmAction } from './confirmation.js';
import { isOperator, managesCampaigns, startPage } from './layout.js';

const session = await startPage(isOperator);
const region = byId('matrice-messages');
const form = byId('matrice');
const canWrite = managesCampaigns(session);
const RULES = ['FORBIDDEN', 'ALLOWED', 'MANDATORY'];
let current;
let cells = [];

function targetsOf(registry) {
  return [
    ...registry.recipients.filter((recipient) => !['PREFET_DEPARTEMENT', 'PREFET_REGION', 'FEDERATION'].includes(recipient.kind))
      .map((recipient) => ({ code: recipient.code, label: recipient.name })),
    ...['PREFET_DEPARTEMENT', 'PREFET_REGION', 'FEDERATION'].map((kind) => ({ code: kind, label: t(`matrice.cible.${kind}`) })),
  ];
}

async function show(year) {
  const [campaign, registry, matrix, history] = await Promise.all([
    request('GET', `/campaigns/${year}`), request('GET', '/recipients'), request('GET', `/campaigns/${year}/matrix`),
    request('GET', `/campaigns/${year}/matrix/history`)]);
  current = matrix;
  const questionnaires = campaign.questionnaires.map((q) => q.code);
  const targets = targetsOf(registry);
  byId('version-matrice').textContent = matrix.version === 0 ? t('matrice.aucune-version')
    : t('matrice.version', { version: matrix.version, at: formatInstant(matrix.changedAt), by: matrix.changedBy });
  replaceChildren(byId('grille-entete'), el('th', { scope: 'col', text: t('matrice.destinataire') }),
    questionnaires.map((code) => el('th', { scope: 'col', text: code })));
  cells = [];
  replaceChildren(form.querySelector('tbody'), targets.map((target, row) => el('tr', {},
    el('th', { scope: 'row', text: target.label }),
    questionnaires.map((questionnaire, column) => {
      const rule = matrix.rules.find((r) => r.questionnaire === questionnaire && r.target === target.code);
      const id = `regle-${row}-${column}`;
      const select = el('select', { id, 'aria-label': t('matrice.regle-libelle', { questionnaire, target: target.label }),
        disabled: !canWrite }, RULES.map((kind) => el('option', { value: kind, text: t(`matrice.regle.${kind}`),
        selected: (rule ? rule.rule : 'FORBIDDEN') === kind })));
      const types = el('input', { type: 'text', id: `${id}-types`, autocomplete: 'off', class: 'champ-court',
        value: rule ? rule.organisationTypes.join(', ') : '', readonly: !canWrite,
        'aria-label': t('matrice.types-libelle', { questionnaire, target: target.label }) });
      cells.push({ questionnaire, target: target.code, select, types });
      return el('td', {}, select, types);
    }))));
  fillTable(byId('versions').tBodies[0], history, (version) => el('tr', {},
    el('th', { scope: 'row', text: version.version }),
    el('td', { text: formatInstant(version.changedAt) }),
    el('td', { text: version.changedBy }),
    el('td', { text: version.rules.map((r) => `${r.questionnaire} → ${r.target} : ${t(`matrice.regle.${r.rule}`)}`
      + (r.organisationTypes.length ? ` (${r.organisationTypes.join(', ')})` : '')).join(' ; ') || '—' })),
  t('matrice.aucune-version'));
}

onSubmit(form, async () => {
  const rules = cells.filter((cell) => cell.select.value !== 'FORBIDDEN').map((cell) => ({
    questionnaire: cell.questionnaire, target: cell.target, rule: cell.select.value,
    organisationTypes: cell.types.value.split(/[,;\s]+/).map((type) => type.trim()).filter(Boolean) }));
  if (!await confirmAction({ title: t('matrice.confirmation-titre', { year: current.year }),
    text: t('matrice.confirmation', { version: current.version }),
    confirm: t('matrice.confirmation-bouton'), trigger: byId('enregistrer-matrice') })) {
    return;
  }
  const saved = await request('PUT', `/campaigns/${current.year}/matrix`, { body: { rules }, ifMatch: current.version });
  await show(current.year);
  announce(region, 'succes', t('matrice.enregistree', { version: saved.version }));
});

byId('enregistrer-matrice').hidden = !canWrite;
try {
  const campaigns = await request('GET', '/campaigns');
  const select = byId('campagne');
  replaceChildren(select, campaigns.map((campaign) => el('option', { value: campaign.year, text: `${campaign.year} – ${campaign.label}` })));
  select.addEventListener('change', () => show(select.value).catch((error) => announce(region, 'erreur', error.message)));
  if (campaigns.length === 0) {
    announce(region, 'info', t('matrice.aucune-campagne'));
  } else {
    await show(select.value);
  }
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
