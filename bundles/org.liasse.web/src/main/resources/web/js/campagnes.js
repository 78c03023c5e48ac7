/**
 * Campaigns for campaign managers: the list with the moves each state allows (open, close, reopen, archive),
 * creation, and changes of the label, dates and questionnaires with their deadlines and of the state (If-Match on
 * the revision).
 */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady } from './dom.js';
import { request } from './api.js';
import { announce, clearMessages, onSubmit, silence } from './forms.js';
import { confirmAction } from './confirmation.js';
import { managesCampaigns, startPage } from './layout.js';

await startPage(managesCampaigns);
const listRegion = byId('liste-messages');
const form = byId('campagne');
const NEXT = { PREPARATION: ['OPEN'], OPEN: ['CLOSED'], CLOSED: ['OPEN', 'ARCHIVED'], ARCHIVED: [] };
let campaigns = [];
let editing = null;

function questionnairesText(campaign) {
  return campaign.questionnaires.map((q) => `${q.code};${q.version || ''};${q.deadline}`).join('\n');
}

function parseQuestionnaires(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [code, version, deadline] = line.split(';').map((part) => (part || '').trim());
    return { code, version: version || null, deadline: deadline || null };
  });
}

function move(campaign, state) {
  const action = t(`campagnes.action.${campaign.state}.${state}`);
  return el('button', {
    type: 'button', class: 'bouton-secondaire bouton-petit', text: action,
    'aria-label': t('campagnes.action-libelle', { action, year: campaign.year }),
    onClick: async (event) => {
      silence(listRegion);
      const trigger = event.currentTarget;
      try {
        if (!await confirmAction({ title: t('campagnes.confirmation-titre', { action, year: campaign.year }),
          text: await consequence(campaign, state), confirm: t('campagnes.action-libelle', { action, year: campaign.year }),
          trigger })) {
          return;
        }
        await request('PUT', `/campaigns/${campaign.year}/state`, { body: { state }, ifMatch: campaign.revision });
        announce(listRegion, 'succes', t('campagnes.etat-change', { year: campaign.year, state: t(`campagne.${state}`) }));
        await showCampaigns();
      } catch (error) {
        announce(listRegion, 'erreur', error.message);
      }
    },
  });
}

/** What a change of state does, with the number of organisations of the campaign counted by the API. */
async function consequence(campaign, state) {
  const completion = await request('GET', `/campaigns/${campaign.year}/completion`);
  const count = new Set(completion.rows.map((row) => row.siren)).size;
  return t(`campagnes.consequence.${campaign.state}.${state}`, {
    organisations: t(count === 1 ? 'campagnes.organisation' : 'campagnes.organisations', { count }) });
}

function startEdit(campaign) {
  editing = campaign;
  clearMessages(form);
  for (const name of ['year', 'label', 'opening', 'deadline']) {
    form.elements.namedItem(name).value = campaign[name];
  }
  form.elements.namedItem('year').readOnly = true;
  form.elements.namedItem('questionnaires').value = questionnairesText(campaign);
  byId('titre-formulaire').textContent = t('campagnes.modifier-titre', { year: campaign.year });
  byId('enregistrer-campagne').textContent = t('campagnes.enregistrer');
  byId('annuler-modification').hidden = false;
  byId('titre-formulaire').focus();
}

function stopEdit() {
  editing = null;
  form.reset();
  form.elements.namedItem('year').readOnly = false;
  byId('titre-formulaire').textContent = t('campagnes.creer-titre');
  byId('enregistrer-campagne').textContent = t('campagnes.creer');
  byId('annuler-modification').hidden = true;
}

async function showCampaigns() {
  campaigns = await request('GET', '/campaigns');
  fillTable(byId('campagnes').tBodies[0], campaigns, (campaign) => el('tr', {},
    el('th', { scope: 'row', text: campaign.year }),
    el('td', { text: campaign.label }),
    el('td', { text: t(`campagne.${campaign.state}`) }),
    el('td', { text: t('campagnes.periode', { opening: campaign.opening, deadline: campaign.deadline }) }),
    el('td', {}, campaign.questionnaires.length === 0 ? t('campagnes.tous')
      : el('ul', {}, campaign.questionnaires.map((q) => el('li', {
        text: t('campagnes.questionnaire', { code: q.code, version: q.version || t('campagnes.version-courante'), deadline: q.deadline }) })))),
    el('td', {}, el('div', { class: 'actions-ligne' },
      NEXT[campaign.state].map((state) => move(campaign, state)),
      campaign.state !== 'ARCHIVED' && el('button', {
        type: 'button', class: 'bouton-secondaire bouton-petit', text: t('organisations.modifier'),
        'aria-label': t('campagnes.modifier-libelle', { year: campaign.year }),
        onClick: () => startEdit(campaign),
      })))), t('campagnes.aucune'));
}

onSubmit(form, async (values) => {
  const body = {
    year: Number(values.year), label: values.label, opening: values.opening, deadline: values.deadline,
    state: 'PREPARATION', questionnaires: parseQuestionnaires(values.questionnaires),
  };
  const saved = editing
    ? await request('PUT', `/campaigns/${editing.year}`, { body, ifMatch: editing.revision })
    : await request('POST', '/campaigns', { body });
  announce(byId('campagne-messages'), 'succes', t(editing ? 'campagnes.modifiee' : 'campagnes.creee', { year: saved.year }));
  stopEdit();
  await showCampaigns();
}, { check: (values) => (/^\d{4}$/.test(values.year) ? [] : [{ field: 'year', message: t('campagnes.annee-invalide') }]) });

byId('annuler-modification').addEventListener('click', () => {
  clearMessages(form);
  stopEdit();
});

try {
  await showCampaigns();
} catch (error) {
  announce(listRegion, 'erreur', error.message);
}
pageReady();
