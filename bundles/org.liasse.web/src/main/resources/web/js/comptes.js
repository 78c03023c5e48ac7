/**
 * Operator accounts, for super-administrators: list with roles, perimeter and state; creation (the activation code
 * is shown in demo mode); change of roles and perimeter; deactivation (after confirmation) and reactivation.
 */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady } from './dom.js';
import { request } from './api.js';
import { announce, clearMessages, onSubmit, silence } from './forms.js';
import { confirmAction } from './confirmation.js';
import { accountState, createdMessages, fullName, managesOperators, startPage } from './layout.js';

const ROLES = ['CAMPAIGN_MANAGER', 'SUPPORT', 'PLUGIN_MANAGER', 'SUPER_ADMIN'];
const FEDERATIONS = ['OPH', 'ESH', 'COOP', 'EPL'];

const session = await startPage(managesOperators);
const listRegion = byId('liste-messages');
const editForm = byId('modification');
const createForm = byId('creation');
let operators = [];
let editing = null;

function perimeter(federation) {
  return federation ? t(`comptes.federation.${federation}`) : t('comptes.national');
}

/** The perimeter select and the role checkboxes of a form, filled from the catalogues above. */
function prepare(form) {
  const prefix = form.querySelector('.cases-roles').dataset.prefixe;
  form.elements.namedItem('federation').append(...FEDERATIONS.map((code) =>
    el('option', { value: code, text: perimeter(code) })));
  form.querySelector('.cases-roles').append(...ROLES.map((role) => el('div', { class: 'champ-case' },
    el('input', { type: 'checkbox', id: `${prefix}role-${role}`, name: 'roles', value: role }),
    el('label', { for: `${prefix}role-${role}`, text: t(`role.${role}`) }))));
}

function chosenRoles(form) {
  return [...form.querySelectorAll('input[name="roles"]:checked')].map((box) => box.value);
}

function noRole(form) {
  return chosenRoles(form).length ? [] : [{ field: 'roles', message: t('comptes.role-manquant') }];
}

function edit(account) {
  editing = account;
  clearMessages(editForm);
  byId('titre-modification').textContent = t('comptes.modifier-titre', { name: fullName(account), login: account.login });
  editForm.elements.namedItem('federation').value = account.federation || '';
  for (const box of editForm.querySelectorAll('input[name="roles"]')) {
    box.checked = account.operatorRoles.includes(box.value);
  }
  byId('modification-bloc').hidden = false;
  byId('titre-modification').focus();
}

async function save(account, changes, success) {
  const updated = await request('PUT', `/operators/${account.id}`, {
    ifMatch: account.revision,
    body: { federation: account.federation, roles: account.operatorRoles, active: account.active, ...changes },
  });
  await showOperators();
  announce(listRegion, 'succes', t(success, { name: fullName(updated) }));
  return updated;
}

async function toggleActive(account, trigger) {
  silence(listRegion);
  const name = fullName(account);
  if (account.active && !await confirmAction({ title: t('comptes.confirmation-titre', { name }),
    text: t('comptes.confirmation', { name, login: account.login }), confirm: t('comptes.confirmation-bouton'), trigger })) {
    return;
  }
  try {
    const updated = await save(account, { active: !account.active },
      account.active ? 'comptes.desactive' : 'comptes.reactive');
    document.querySelector(`#operateurs button[data-etat="${updated.id}"]`)?.focus();
  } catch (error) {
    announce(listRegion, 'erreur', error.message);
  }
}

function actions(account) {
  const name = fullName(account);
  const toggle = account.active ? t('utilisateurs.desactiver') : t('utilisateurs.reactiver');
  return el('td', { class: 'actions-ligne' },
    el('button', { type: 'button', class: 'bouton-secondaire bouton-petit', text: t('comptes.modifier'),
      'aria-label': t('comptes.modifier-libelle', { name }), onClick: () => edit(account) }),
    account.id === session.userId ? null : el('button', {
      type: 'button', class: 'bouton-secondaire bouton-petit', 'data-etat': account.id, text: toggle,
      'aria-label': t('utilisateurs.action-libelle', { action: toggle, name }),
      onClick: (event) => toggleActive(account, event.currentTarget),
    }));
}

async function showOperators() {
  operators = await request('GET', '/operators');
  fillTable(byId('operateurs').tBodies[0], operators, (account) => el('tr', {},
    el('th', { scope: 'row', text: fullName(account) }),
    el('td', { text: account.login }),
    el('td', { text: ROLES.filter((role) => account.operatorRoles.includes(role))
      .map((role) => t(`comptes.role.${role}`)).join(', ') }),
    el('td', { text: perimeter(account.federation) }),
    el('td', {}, accountState(account)),
    actions(account)), t('comptes.aucun'));
}

prepare(editForm);
prepare(createForm);

onSubmit(editForm, async (values) => {
  await save(editing, { federation: values.federation || null, roles: chosenRoles(editForm) }, 'comptes.modifie');
  byId('modification-bloc').hidden = true;
}, { check: () => noRole(editForm) });

byId('modification-annuler').addEventListener('click', () => {
  byId('modification-bloc').hidden = true;
  editing = null;
});

onSubmit(createForm, async (values) => {
  const created = await request('POST', '/operators', {
    body: { ...values, federation: values.federation || null, roles: chosenRoles(createForm) },
  });
  createForm.reset();
  announce(byId('creation-messages'), 'succes', ...createdMessages(t('comptes.cree', { login: created.user.login }), created));
  await showOperators();
}, { check: () => noRole(createForm) });

try {
  await showOperators();
} catch (error) {
  announce(listRegion, 'erreur', error.message);
}
pageReady();
