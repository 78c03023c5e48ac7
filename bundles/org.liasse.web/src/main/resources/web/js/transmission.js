/**
 * The transmission of a dossier (/dossier/transmission.html?id=N): the recipients its statement goes to, with the
 * allowed ones the organisation ticks, the signed statements to download, and each delivery with its receipt.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam, replaceChildren } from './dom.js';
import { request, requestTagged } from './api.js';
import { announce, silence } from './forms.js';
import { confirmAction } from './confirmation.js';
import { isOperator, startPage } from './layout.js';
import { dossierPage, loadDossierOrExplain } from './dossier.js';

const session = await startPage();
const id = queryParam('id');
const path = `/dossiers/${encodeURIComponent(id)}`;
const region = byId('transmission-messages');
const choiceRegion = byId('destinataires-messages');
byId('retour').href = dossierPage('sommaire', id);

const { dossier, questionnaire, campaign, workflow } = await loadDossierOrExplain(id, region);
byId('chapo-transmission').textContent = t('transmission.chapo', { title: questionnaire.title, year: dossier.year,
  siren: dossier.siren });
// The step that needs the right to transmit is the one that transmits; from then on the choices are frozen.
const transmitAt = workflow.steps.findIndex((step) => step.right === 'dossier.transmettre');
const transmitted = transmitAt > 0 && workflow.steps.findIndex((step) => step.code === workflow.step) >= transmitAt;
const mayChoose = !isOperator(session) && (session.rights || []).includes('dossier.transmettre')
  && campaign.state === 'OPEN' && !transmitted;

function showRecipients(recipients) {
  replaceChildren(byId('destinataires'), recipients.length === 0
    ? [el('li', { text: t('transmission.aucun-destinataire') })]
    : recipients.map((recipient, index) => {
      const box = `destinataire-${index}`;
      const mandatory = recipient.rule === 'MANDATORY';
      return el('li', {},
        el('input', { type: 'checkbox', id: box, checked: recipient.chosen,
          disabled: mandatory || !mayChoose, 'aria-describedby': `${box}-aide`,
          onChange: (event) => choose(recipient, event.target) }),
        el('label', { for: box, text: recipient.recipientName }),
        el('span', { class: 'aide', id: `${box}-aide`, text: [t(`transmission.regle.${recipient.rule}`),
          recipient.problem].filter(Boolean).join(' – ') }));
    }));
}

/** The revision of the choices shown, sent back with each tick. */
let choiceRevision;

async function choose(recipient, box) {
  silence(choiceRegion);
  const name = recipient.recipientName;
  if (!box.checked && !await confirmAction({ title: t('transmission.confirmation-titre', { name }),
    text: t('transmission.decoche', { name }), confirm: t('transmission.confirmation-bouton'), trigger: box })) {
    box.checked = true;
    return;
  }
  box.disabled = true;
  try {
    const { body, tag } = await requestTagged('PUT', `${path}/recipients/${encodeURIComponent(recipient.target)}`,
      { body: { chosen: box.checked }, ifMatch: choiceRevision });
    choiceRevision = tag;
    showRecipients(body);
    announce(choiceRegion, 'succes', t(box.checked ? 'transmission.coche' : 'transmission.decoche',
      { name: recipient.recipientName }));
  } catch (error) {
    box.checked = !box.checked;
    box.disabled = false;
    announce(choiceRegion, 'erreur', error.message);
  }
}

try {
  const [recipients, statements, deliveries] = await Promise.all([
    requestTagged('GET', `${path}/recipients`), request('GET', `${path}/statements`),
    request('GET', `${path}/deliveries`)]);
  choiceRevision = recipients.tag;
  showRecipients(recipients.body);
  fillTable(byId('declarations').tBodies[0], statements, (statement) => el('tr', {},
    el('th', { scope: 'row', text: formatInstant(statement.signedAt) }),
    el('td', { text: statement.signer }),
    el('td', { text: formatInstant(statement.timestampAt) }),
    el('td', { text: statement.level }),
    el('td', {},
      el('a', { href: `/api/v1${path}/statements/${statement.id}/pdf`, download: '',
        text: t('transmission.pdf'), 'aria-label': t('transmission.pdf-libelle', { at: formatInstant(statement.signedAt) }) }),
      ' ',
      el('a', { href: `/api/v1${path}/statements/${statement.id}/data`, download: '',
        text: t('transmission.donnees'), 'aria-label': t('transmission.donnees-libelle', { at: formatInstant(statement.signedAt) }) }))),
  t('transmission.aucune-declaration'));
  fillTable(byId('livraisons').tBodies[0], deliveries, (delivery) => el('tr', {},
    el('th', { scope: 'row', text: delivery.recipientName }),
    el('td', {}, el('span', { class: `etat etat-livraison-${delivery.status}`, text: t(`livraison.${delivery.status}`) })),
    el('td', { class: 'nombre', text: delivery.attempts }),
    el('td', { text: delivery.status === 'DELIVERED' ? delivery.receiptDetail : delivery.lastError || t('livraison.en-attente') }),
    el('td', { text: formatInstant(delivery.deliveredAt, '—') })), t('transmission.aucune-livraison'));
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
