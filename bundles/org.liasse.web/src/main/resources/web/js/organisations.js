/**
 * Organisations of the operator's perimeter: list, edition (the SIREN excepted; If-Match on the revision), creation (with the login of the
 * administrator and, in demo mode, its activation code), and CSV import checked first (dry run report), then applied.
 */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady } from './dom.js';
import { ProblemError, request } from './api.js';
import { announce, clearMessages, onSubmit, silence } from './forms.js';
import { isOperator, startPage } from './layout.js';

const session = await startPage(isOperator);
const listRegion = byId('liste-messages');
const importRegion = byId('import-messages');
const applyButton = byId('appliquer');
let types = new Map();
let organisations = [];
let editing = null;
let checkedCsv = null;

byId('perimetre').textContent = t('accueil.operateur', { perimeter: session.federation || t('accueil.national') });

/** The organisation fields of a form as the API takes them; the optional ones are null when empty. */
function organisationOf(values, active) {
  return {
    siren: values.siren,
    name: values.name,
    type: values.type,
    federation: values.federation || null,
    region: values.region || null,
    department: values.department || null,
    active,
  };
}

function editButton(siren) {
  return document.querySelector(`#organisations button[data-siren="${siren}"]`);
}

const editBlock = byId('modification-bloc');
const editForm = byId('modification');

function openEdit(organisation) {
  editing = organisation;
  silence(listRegion);
  clearMessages(editForm);
  for (const name of ['siren', 'name', 'type', 'federation', 'region', 'department']) {
    editForm.elements.namedItem(name).value = organisation[name] || '';
  }
  byId('modification-active').checked = organisation.active;
  byId('titre-modification').textContent = t('organisations.modifier-titre', { name: organisation.name });
  editBlock.hidden = false;
  byId('titre-modification').focus();
}

function closeEdit() {
  const siren = editForm.elements.namedItem('siren').value;
  clearMessages(editForm);
  editBlock.hidden = true;
  editButton(siren)?.focus();
}

async function showOrganisations() {
  organisations = await request('GET', '/organisations');
  fillTable(byId('organisations').tBodies[0], organisations, (organisation) => el('tr', {},
    el('td', { text: organisation.siren }),
    el('th', { scope: 'row', text: organisation.name }),
    el('td', { text: types.get(organisation.type) || organisation.type }),
    el('td', { text: organisation.federation || t('organisations.sans-federation') }),
    el('td', { text: organisation.region || '' }),
    el('td', { text: organisation.department || '' }),
    el('td', {}, organisation.active
      ? t('organisations.active')
      : el('span', { class: 'etat-inactif', text: t('organisations.inactive') })),
    el('td', {}, el('button', {
      type: 'button',
      class: 'bouton-secondaire bouton-petit',
      'data-siren': organisation.siren,
      'aria-label': t('organisations.modifier-libelle', { name: organisation.name }),
      text: t('organisations.modifier'),
      onClick: () => openEdit(organisations.find((candidate) => candidate.siren === organisation.siren)),
    }))), t('organisations.aucune'));
}

onSubmit(editForm, async (values) => {
  const updated = await request('PUT', `/organisations/${encodeURIComponent(values.siren)}`,
    { body: organisationOf(values, byId('modification-active').checked), ifMatch: editing.revision });
  await showOrganisations();
  editBlock.hidden = true;
  announce(listRegion, 'succes', t('organisations.modifiee', { name: updated.name, siren: updated.siren }));
  editButton(updated.siren)?.focus();
});
byId('modification-annuler').addEventListener('click', closeEdit);

const creation = byId('creation');
onSubmit(creation, async (values) => {
  const created = await request('POST', '/organisations', { body: organisationOf(values, true) });
  creation.reset();
  const login = created.administrator.login;
  const messages = [t('organisations.creee', { name: created.organisation.name, siren: created.organisation.siren, login })];
  const code = created.administrator.activationCode;
  if (code) {
    messages.push(
      el('p', {}, `${t('organisations.code-demo', { login })} : `, el('code', { id: 'code-activation', text: code })),
      el('p', {}, el('a', { href: `/activation.html?code=${encodeURIComponent(code)}`, text: t('organisations.lien-activation') })));
  } else {
    messages.push(t('organisations.code-envoye'));
  }
  announce(byId('creation-messages'), 'succes', ...messages);
  await showOrganisations();
});

function showReport(report) {
  const summary = t(report.applied ? 'import.resume-applique' : 'import.resume', {
    lines: report.lines, created: report.created, updated: report.updated, errors: report.errors.length,
  });
  const verdict = report.applied ? null : t(report.errors.length ? 'import.erreurs' : 'import.pret');
  announce(importRegion, report.errors.length ? 'erreur' : 'succes', summary, verdict);
  fillTable(byId('rapport-erreurs').tBodies[0], report.errors, (error) => el('tr', {},
    el('td', { text: error.line }),
    el('td', { text: error.column || '' }),
    el('td', { text: error.message })), t('import.aucune-erreur'));
  byId('rapport').hidden = false;
  applyButton.hidden = report.applied || report.errors.length > 0;
}

function isReport(error) {
  return error instanceof ProblemError && typeof error.problem.lines === 'number' && Array.isArray(error.problem.errors);
}

const importForm = byId('import');
byId('fichier').addEventListener('change', () => {
  checkedCsv = null;
  applyButton.hidden = true;
  byId('rapport').hidden = true;
});

onSubmit(importForm, async () => {
  const csv = await byId('fichier').files[0].text();
  try {
    showReport(await request('POST', '/organisations/import?apply=false', { body: csv, contentType: 'text/csv; charset=utf-8' }));
    checkedCsv = csv;
  } catch (error) {
    if (!isReport(error)) {
      throw error;
    }
    showReport(error.problem);
  }
});

applyButton.addEventListener('click', async () => {
  silence(importRegion);
  applyButton.disabled = true;
  try {
    showReport(await request('POST', '/organisations/import?apply=true', { body: checkedCsv, contentType: 'text/csv; charset=utf-8' }));
    checkedCsv = null;
    await showOrganisations();
  } catch (error) {
    if (isReport(error)) {
      showReport(error.problem);
    } else {
      announce(importRegion, 'erreur', error.message);
    }
  } finally {
    applyButton.disabled = false;
  }
  byId('titre-rapport').focus();
});

try {
  const list = await request('GET', '/organisation-types');
  types = new Map(list.map((type) => [type.code, type.label]));
  for (const select of document.querySelectorAll('select[name="type"]')) {
    select.append(...list.map((type) => el('option', { value: type.code, text: type.label })));
  }
  await showOrganisations();
} catch (error) {
  announce(listRegion, 'erreur', error.message);
}
pageReady();
