/**
 * Users of the organisation, for its administrator: list, activation state, rights grid (one save per user),
 * deactivation and reactivation, addition of a user with a profile.
 */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit, silence } from './forms.js';
import { confirmAction } from './confirmation.js';
import { accountState, createdMessages, fullName, managesUsers, startPage } from './layout.js';

const session = await startPage(managesUsers);
const base = `/organisations/${encodeURIComponent(session.siren)}/users`;
const listRegion = byId('liste-messages');
const rightsRegion = byId('droits-messages');

let catalogue = { rights: [], profiles: [] };
let users = [];

byId('organisation').textContent = t('utilisateurs.titre-organisation', { name: session.organisationName || '', siren: session.siren });

function profileLabel(code) {
  const profile = catalogue.profiles.find((candidate) => candidate.code === code);
  return profile ? profile.label : code || t('utilisateurs.sans-profil');
}

function replaceUser(updated) {
  users = users.map((user) => (user.id === updated.id ? updated : user));
}

async function toggleActive(user, trigger) {
  silence(listRegion);
  if (user.active && !await confirmAction({ title: t('utilisateurs.confirmation-titre', { name: fullName(user) }),
    text: t('utilisateurs.confirmation', { name: fullName(user), login: user.login }),
    confirm: t('utilisateurs.confirmation-bouton'), trigger })) {
    return;
  }
  try {
    const updated = await request('PUT', `${base}/${user.id}`, {
      ifMatch: user.revision,
      body: { firstName: user.firstName, lastName: user.lastName, email: user.email, profile: user.profile, active: !user.active },
    });
    replaceUser(updated);
    showList();
    announce(listRegion, 'succes', t(updated.active ? 'utilisateurs.reactive' : 'utilisateurs.desactive', { name: fullName(updated) }));
    document.querySelector(`#utilisateurs button[data-id="${updated.id}"]`)?.focus();
  } catch (error) {
    announce(listRegion, 'erreur', error.message);
  }
}

function showList() {
  fillTable(byId('utilisateurs').tBodies[0], users, (user) => {
    const action = user.active ? t('utilisateurs.desactiver') : t('utilisateurs.reactiver');
    return el('tr', {},
      el('th', { scope: 'row', text: fullName(user) }),
      el('td', { text: user.login }),
      el('td', { text: user.email }),
      el('td', { text: profileLabel(user.profile) }),
      el('td', {}, accountState(user)),
      el('td', {}, user.id === session.userId ? t('utilisateurs.vous') : el('button', {
        type: 'button',
        class: 'bouton-secondaire bouton-petit',
        'data-id': user.id,
        'aria-label': t('utilisateurs.action-libelle', { action, name: fullName(user) }),
        text: action,
        onClick: (event) => toggleActive(users.find((candidate) => candidate.id === user.id), event.currentTarget),
      })));
  }, t('utilisateurs.aucun'));
}

async function saveRights(id, row) {
  silence(rightsRegion);
  const user = users.find((candidate) => candidate.id === id);
  const rights = [...row.querySelectorAll('input[type="checkbox"]:checked')].map((box) => box.value);
  try {
    const updated = await request('PUT', `${base}/${id}/rights`, { ifMatch: user.revision, body: { rights } });
    replaceUser(updated);
    announce(rightsRegion, 'succes', t('utilisateurs.droits-enregistres', { name: fullName(updated) }));
  } catch (error) {
    announce(rightsRegion, 'erreur', error.message);
  }
}

function showRights() {
  const table = byId('droits');
  replaceChildren(table.tHead.rows[0],
    el('th', { scope: 'col', text: t('utilisateurs.colonne-utilisateur') }),
    catalogue.rights.map((right) => el('th', { scope: 'col', text: right.label })),
    el('th', { scope: 'col', text: t('utilisateurs.colonne-action') }));
  fillTable(table.tBodies[0], users, (user) => {
    const name = fullName(user);
    const row = el('tr', { 'data-id': user.id });
    row.append(
      el('th', { scope: 'row', text: name }),
      ...catalogue.rights.map((right, index) => {
        const id = `droit-${user.id}-${index}`;
        return el('td', {},
          el('label', { for: id, class: 'visuellement-cache', text: t('utilisateurs.droit-pour', { right: right.label, name }) }),
          el('input', { type: 'checkbox', id, value: right.code, checked: (user.rights || []).includes(right.code) }));
      }),
      el('td', {}, el('button', {
        type: 'button',
        class: 'bouton-petit',
        'aria-label': t('utilisateurs.enregistrer-droits-libelle', { name }),
        text: t('utilisateurs.enregistrer-droits'),
        onClick: () => saveRights(user.id, row),
      })));
    return row;
  }, t('utilisateurs.aucun'));
}

async function load() {
  users = await request('GET', base);
  showList();
  showRights();
}

const addForm = byId('ajout');
onSubmit(addForm, async (values) => {
  const created = await request('POST', base, { body: values });
  addForm.reset();
  announce(byId('ajout-messages'), 'succes', ...createdMessages(t('utilisateurs.cree', { login: created.user.login }), created));
  await load();
});

try {
  catalogue = await request('GET', '/rights');
  byId('profile').append(...catalogue.profiles.map((profile) => el('option', { value: profile.code, text: profile.label })));
  await load();
} catch (error) {
  announce(listRegion, 'erreur', error.message);
}
pageReady();
