/**
 * The recipients registry for partner staff: the list, and for campaign managers the creation and change of a
 * recipient (If-Match on its revision); channel secrets are never shown, an empty one keeps its stored value.
 */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce, clearMessages, onSubmit } from './forms.js';
import { confirmAction } from './confirmation.js';
import { isOperator, managesCampaigns, startPage } from './layout.js';

const session = await startPage(isOperator);
const form = byId('destinataire');
const canWrite = managesCampaigns(session);
let editing = null;

function settingsText(settings) {
  return Object.entries(settings).map(([name, value]) => `${name}=${value}`).join('\n');
}

function parseSettings(text) {
  const settings = {};
  for (const line of text.split('\n').map((part) => part.trim()).filter(Boolean)) {
    const at = line.indexOf('=');
    settings[(at < 0 ? line : line.slice(0, at)).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
  }
  return settings;
}

function startEdit(recipient) {
  editing = recipient;
  clearMessages(form);
  for (const name of ['code', 'name', 'kind', 'territory', 'channel']) {
    form.elements.namedItem(name).value = recipient[name];
  }
  form.elements.namedItem('code').readOnly = true;
  form.elements.namedItem('settings').value = settingsText(recipient.settings);
  form.elements.namedItem('active').checked = recipient.active;
  byId('titre-formulaire').textContent = t('destinataires.modifier-titre', { name: recipient.name });
  byId('annuler-modification').hidden = false;
  byId('titre-formulaire').focus();
}

function stopEdit() {
  editing = null;
  form.reset();
  form.elements.namedItem('code').readOnly = false;
  byId('titre-formulaire').textContent = t('destinataires.creer-titre');
  byId('annuler-modification').hidden = true;
}

async function showRegistry() {
  const registry = await request('GET', '/recipients');
  replaceChildren(byId('kind'), registry.kinds.map((kind) => el('option', { value: kind, text: t(`destinataire.type.${kind}`) })));
  replaceChildren(byId('channel'), registry.channels.map((channel) => el('option', { value: channel, text: channel })));
  fillTable(byId('destinataires').tBodies[0], registry.recipients, (recipient) => el('tr', {},
    el('th', { scope: 'row', text: recipient.code }),
    el('td', { text: recipient.name }),
    el('td', { text: [t(`destinataire.type.${recipient.kind}`), recipient.territory].filter(Boolean).join(' ') }),
    el('td', { text: recipient.channel }),
    el('td', { text: t(recipient.active ? 'destinataires.actif' : 'destinataires.inactif') }),
    el('td', {}, canWrite && el('button', {
      type: 'button', class: 'bouton-secondaire bouton-petit', text: t('organisations.modifier'),
      'aria-label': t('destinataires.modifier-libelle', { name: recipient.name }), onClick: () => startEdit(recipient),
    }))), t('destinataires.aucun'));
}

onSubmit(form, async (values) => {
  const body = { code: values.code, name: values.name, kind: values.kind, territory: values.territory,
    channel: values.channel, settings: parseSettings(values.settings), active: form.elements.namedItem('active').checked };
  if (editing?.active && !body.active && !await confirmAction({
    title: t('destinataires.confirmation-titre', { name: editing.name }),
    text: t('destinataires.confirmation', { name: editing.name }),
    confirm: t('destinataires.confirmation-bouton'), trigger: form.querySelector('button[type=submit]') })) {
    return;
  }
  const saved = editing
    ? await request('PUT', `/recipients/${encodeURIComponent(editing.code)}`, { body, ifMatch: editing.revision })
    : await request('POST', '/recipients', { body });
  announce(byId('destinataire-messages'), 'succes', t('destinataires.enregistre', { name: saved.name }));
  stopEdit();
  await showRegistry();
});

byId('annuler-modification').addEventListener('click', () => {
  clearMessages(form);
  stopEdit();
});

byId('formulaire-bloc').hidden = !canWrite;
try {
  await showRegistry();
} catch (error) {
  announce(byId('liste-messages'), 'erreur', error.message);
}
pageReady();
