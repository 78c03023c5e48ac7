/**
 * The deliveries of a campaign for partner staff: status per recipient, receipts and errors, the attempts of one
 * delivery, and for campaign managers a new delivery with the same idempotency key.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce, silence } from './forms.js';
import { isOperator, managesCampaigns, startPage } from './layout.js';
import { dossierPage } from './dossier.js';

const session = await startPage(isOperator);
const region = byId('livraisons-messages');
const filters = byId('filtres');
const canRedeliver = managesCampaigns(session);

async function showAttempts(delivery) {
  const view = await request('GET', `/deliveries/${delivery.id}`);
  byId('detail-bloc').hidden = false;
  byId('titre-detail').textContent = t('livraisons.detail-titre', { siren: delivery.siren, recipient: delivery.recipientName });
  byId('detail-cle').textContent = t('livraisons.cle', { key: view.delivery.idempotencyKey });
  fillTable(byId('tentatives').tBodies[0], view.attempts, (attempt) => el('tr', {},
    el('th', { scope: 'row', text: formatInstant(attempt.at) }),
    el('td', { text: t(attempt.succeeded ? 'livraisons.reussie' : 'livraisons.echouee') }),
    el('td', { text: attempt.message })), t('livraisons.aucune-tentative'));
  byId('titre-detail').focus();
}

async function redeliver(delivery) {
  silence(region);
  try {
    await request('POST', `/deliveries/${delivery.id}/redeliver`);
    announce(region, 'succes', t('livraisons.relancee', { recipient: delivery.recipientName, siren: delivery.siren }));
    await show();
  } catch (error) {
    announce(region, 'erreur', error.message);
  }
}

async function show() {
  const year = byId('campagne').value;
  const status = byId('statut').value;
  const deliveries = await request('GET', `/campaigns/${year}/deliveries${status ? `?statut=${status}` : ''}`);
  fillTable(byId('livraisons').tBodies[0], deliveries, (delivery) => el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: dossierPage('transmission', delivery.dossierId), text: delivery.siren })),
    el('td', { text: delivery.questionnaire }),
    el('td', { text: delivery.recipientName }),
    el('td', {}, el('span', { class: `etat etat-livraison-${delivery.status}`, text: t(`livraison.${delivery.status}`) })),
    el('td', { class: 'nombre', text: delivery.attempts }),
    el('td', { text: delivery.status === 'DELIVERED' ? delivery.receiptDetail : delivery.lastError || t('livraison.en-attente') }),
    el('td', {}, el('div', { class: 'actions-ligne' },
      el('button', { type: 'button', class: 'bouton-secondaire bouton-petit', text: t('livraisons.tentatives'),
        'aria-label': t('livraisons.tentatives-libelle', { siren: delivery.siren, recipient: delivery.recipientName }),
        onClick: () => showAttempts(delivery).catch((error) => announce(region, 'erreur', error.message)) }),
      canRedeliver && delivery.attempts > 0 && el('button', { type: 'button', class: 'bouton-secondaire bouton-petit',
        text: t('livraisons.relivrer'),
        'aria-label': t('livraisons.relivrer-libelle', { siren: delivery.siren, recipient: delivery.recipientName }),
        onClick: () => redeliver(delivery) })))), t('livraisons.aucune'));
}

filters.addEventListener('submit', (event) => {
  event.preventDefault();
  silence(region);
  show().catch((error) => announce(region, 'erreur', error.message));
});

try {
  const campaigns = await request('GET', '/campaigns');
  replaceChildren(byId('campagne'), campaigns.map((campaign) => el('option', { value: campaign.year,
    text: `${campaign.year} – ${campaign.label}` })));
  if (campaigns.length === 0) {
    announce(region, 'info', t('livraisons.aucune-campagne'));
  } else {
    await show();
  }
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
