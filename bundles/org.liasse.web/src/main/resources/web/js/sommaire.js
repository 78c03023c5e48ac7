/**
 * The summary of a dossier: its workflow (steps, transitions, history), its fiches with their state, the other
 * actions, and the five previous years. Moving on to a step that signs first shows what will be signed (the
 * statement's preview, the fiches' completeness, the unjustified warnings) and asks for the certification and the
 * password; moving on to a step that transmits shows the recipients and asks for the confirmation.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam, replaceChildren } from './dom.js';
import { ProblemError, request } from './api.js';
import { announce, setBusy, silence } from './forms.js';
import { isOperator, startPage } from './layout.js';
import { dossierPage, ficheState, loadDossier, readOnlyReason, stepLabel } from './dossier.js';

const session = await startPage();
const id = queryParam('id');
const region = byId('sommaire-messages');
const circuitRegion = byId('circuit-messages');
const form = byId('form-circuit');
const commitment = byId('form-engagement');
const commitmentRegion = byId('engagement-messages');
let current;

/** Shows the dossier as it is now; called again after each transition. */
async function render() {
  const { dossier, questionnaire, campaign, workflow } = await loadDossier(id);
  current = { dossier, questionnaire, workflow };
  const readOnly = readOnlyReason(session, campaign, workflow);
  document.title = `${questionnaire.title} ${dossier.year} – Liasse`;
  byId('titre-dossier').textContent = t('sommaire.titre', { title: questionnaire.title, year: dossier.year });
  byId('chapo-dossier').textContent = t('sommaire.chapo', {
    siren: dossier.siren, version: dossier.questionnaireVersion, state: t(`campagne.${campaign.state}`) });
  if (readOnly) {
    announce(region, 'info', t(readOnly === 'droits' && campaign.state === 'OPEN' ? 'sommaire.lecture-droits'
      : `sommaire.lecture-${readOnly}`, { step: stepLabel(workflow) }));
  } else {
    silence(region);
  }
  const undefinedCells = dossier.undefinedCells || [];
  if (undefinedCells.length > 0) {
    announce(byId('conservees-messages'), 'info', t('sommaire.valeurs-conservees', {
      count: undefinedCells.length, version: dossier.questionnaireVersion,
      cells: undefinedCells.map((cell) => `${cell} = ${dossier.values[cell]}`).join(' ; ') }));
  } else {
    silence(byId('conservees-messages'));
  }
  showWorkflow(workflow, campaign);
  fillTable(byId('fiches').tBodies[0], questionnaire.fiches, (fiche) => {
    const state = ficheState(fiche, questionnaire.formulas, dossier.values);
    return el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: dossierPage('saisie', id, { fiche: fiche.code }),
        text: t(readOnly ? 'sommaire.consulter' : 'sommaire.saisir', { title: fiche.title }) })),
      el('td', {}, el('span', { class: `etat etat-${state.state}`, text: t(`fiche.${state.state}`) })),
      el('td', { text: t('sommaire.remplissage', { filled: state.filled, entered: state.entered }) }),
      el('td', { text: state.missing }));
  }, '');
  replaceChildren(byId('outils'), [
    !readOnly && (session.rights || []).includes('dossier.importer')
      && el('li', {}, el('a', { href: dossierPage('import', id), text: t('sommaire.importer') })),
    !readOnly && (session.rights || []).includes('dossier.importer')
      && el('li', {}, el('a', { href: dossierPage('rapatriement', id), text: t('sommaire.rapatrier') })),
    el('li', {}, el('a', { href: dossierPage('verification', id), text: t('sommaire.verifier') })),
    el('li', {}, el('a', { href: dossierPage('pieces', id), text: t('sommaire.pieces') })),
    el('li', {}, el('a', { href: dossierPage('rapports', id), text: t('sommaire.rapports') })),
    el('li', {}, el('a', { href: dossierPage('transmission', id), text: t('sommaire.transmission') })),
    el('li', {}, el('a', { href: dossierPage('evolutions', id), text: t('sommaire.evolutions', { year: dossier.year }) })),
  ].filter(Boolean));
}

/** The steps, the current one, the transitions offered to the session, and the history. */
function showWorkflow(workflow, campaign) {
  const current = workflow.steps.findIndex((step) => step.code === workflow.step);
  replaceChildren(byId('etapes'), workflow.steps.map((step, index) => el('li', {
    class: index < current ? 'franchie' : null, 'aria-current': index === current ? 'step' : null,
  }, step.label, index === current ? el('span', { class: 'visuellement-cache', text: t('circuit.en-cours') }) : null)));
  const next = workflow.steps[current + 1];
  byId('etape-courante').textContent = t('circuit.etat', { step: workflow.steps[current].label, number: current + 1,
    total: workflow.steps.length }) + (workflow.visibleToPartner ? ` ${t('circuit.visible')}` : '');
  const open = campaign.state === 'OPEN';
  const buttons = [
    open && workflow.actions.advance && next && button('advance', t('circuit.avancer', { step: next.label })),
    open && workflow.actions.reopen && button('reopen', t('circuit.modifier')),
    open && workflow.actions.sendBack && button('send-back', t('circuit.renvoyer')),
  ].filter(Boolean);
  replaceChildren(byId('actions-circuit'), buttons);
  form.hidden = buttons.length === 0;
  const blocked = buttons.length === 0 && next;
  byId('circuit-indisponible').hidden = !blocked;
  replaceChildren(byId('circuit-indisponible'), blocked ? unavailable(t('circuit.avancer', { step: next.label }),
    t(reason(open), { step: next.label })) : []);
  commitment.hidden = true;
  form.dataset.revision = workflow.revision;
  fillTable(byId('historique-circuit').tBodies[0], workflow.history, (transition) => el('tr', {},
    el('td', { text: formatInstant(transition.at) }),
    el('td', { text: t(`circuit.${transition.kind}`, { from: label(workflow, transition.from),
      to: label(workflow, transition.to) }) }),
    el('td', { text: transition.actor }),
    el('td', { text: transition.reason || '—' })), t('circuit.aucun-changement'));
}

/** Why the session cannot move the dossier on: the campaign is not open, it is not the organisation's, or no right. */
function reason(open) {
  if (!open) {
    return 'circuit.raison-campagne';
  }
  return isOperator(session) ? 'circuit.raison-organisation' : 'circuit.raison-droits';
}

/** An action the session cannot take, shown disabled with the reason next to it. */
function unavailable(text, reason) {
  return [el('button', { type: 'button', class: 'bouton indisponible', 'aria-disabled': 'true', 'aria-describedby': 'circuit-raison',
    text }), el('p', { id: 'circuit-raison', class: 'aide', text: reason })];
}

function label(workflow, code) {
  return workflow.steps.find((step) => step.code === code)?.label ?? code;
}

function button(action, text) {
  const commits = action === 'advance' && (current.workflow.actions.certify || current.workflow.actions.confirm);
  return el('button', { type: 'button', class: action === 'advance' ? 'bouton' : 'bouton-secondaire',
    'data-action': action, text, onClick: () => (commits ? showCommitment() : transition(action)) });
}

/** What signing or transmitting commits the person to, shown before they do it. */
async function showCommitment() {
  const { dossier, questionnaire, workflow } = current;
  const { certify, confirm } = workflow.actions;
  const next = workflow.steps[workflow.steps.findIndex((step) => step.code === workflow.step) + 1];
  const path = `/dossiers/${encodeURIComponent(id)}`;
  byId('titre-engagement').textContent = t(certify ? 'engagement.signer' : 'engagement.transmettre',
    { step: next.label });
  byId('engager').textContent = t(certify && confirm ? 'engagement.bouton-signer-transmettre'
    : certify ? 'engagement.bouton-signer' : 'engagement.bouton-transmettre');
  byId('engagement-signature').hidden = !certify;
  byId('engagement-transmission').hidden = !confirm;
  commitment.reset();
  silence(commitmentRegion);
  silence(circuitRegion);
  form.hidden = true;
  commitment.hidden = false;
  if (certify) {
    byId('apercu-etat').href = `/api/v1${path}/workflow/statement-preview`;
    const states = questionnaire.fiches.map((fiche) => ({ fiche,
      state: ficheState(fiche, questionnaire.formulas, dossier.values).state }));
    byId('engagement-remplissage').textContent = t('engagement.remplissage', { total: states.length,
      complete: states.filter((s) => s.state === 'complete').length,
      empty: states.filter((s) => s.state === 'vide').length });
    replaceChildren(byId('engagement-fiches'), states.map(({ fiche, state }) => el('li', {},
      el('a', { href: dossierPage('saisie', id, { fiche: fiche.code }),
        text: t('engagement.fiche', { title: fiche.title, state: t(`fiche.${state}`) }) }))));
    replaceChildren(byId('engagement-alertes'), await unjustifiedWarnings(path));
  }
  if (confirm) {
    const chosen = (await request('GET', `${path}/recipients`)).filter((recipient) => recipient.chosen);
    replaceChildren(byId('engagement-destinataires'), chosen.length === 0
      ? [el('li', {}, el('a', { href: dossierPage('transmission', id), text: t('engagement.aucun-destinataire') }))]
      : chosen.map((recipient) => el('li', { text: recipient.recipientName })));
  }
  byId('titre-engagement').focus();
}

/** The failing warnings of the last verification that no justification explains, linked to the verification page. */
async function unjustifiedWarnings(path) {
  let verification;
  try {
    verification = await request('GET', `${path}/verifications/latest`);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) {
      return [el('li', { text: t('engagement.jamais-verifie') })];
    }
    throw error;
  }
  const warnings = verification.outcomes.filter((o) => o.severity === 'WARNING' && o.status === 'FAILED'
    && !verification.justifications[o.code]);
  return warnings.length === 0 ? [el('li', { text: t('engagement.aucune-alerte') })]
    : warnings.map((o) => el('li', {}, el('a', { href: dossierPage('verification', id), text: `${o.code} : ${o.message}` })));
}

commitment.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (commitment.getAttribute('aria-busy') === 'true') {
    return;
  }
  const { confirm } = current.workflow.actions;
  setBusy(commitment, true);
  silence(commitmentRegion);
  try {
    await request('POST', `/dossiers/${encodeURIComponent(id)}/workflow/advance`, {
      ifMatch: current.workflow.revision,
      body: { certified: byId('certifie').checked, password: byId('mot-de-passe-signature').value,
        confirmed: byId('confirme').checked } });
    await render();
    announce(circuitRegion, 'succes', t(confirm ? 'circuit.fait-transmis' : 'circuit.fait-signe'));
    byId('etape-courante').focus();
  } catch (error) {
    byId('mot-de-passe-signature').value = '';
    const field = { 'certification-requise': 'certifie', 'reauthentification-requise': 'mot-de-passe-signature',
      'confirmation-requise': 'confirme' }[error.problem?.code];
    if (field) {
      announce(commitmentRegion, 'erreur', error.message);
      byId(field).focus();
    } else {
      explain(error, commitmentRegion);
    }
  } finally {
    setBusy(commitment, false);
  }
});

byId('annuler-engagement').addEventListener('click', () => {
  commitment.hidden = true;
  form.hidden = false;
  announce(circuitRegion, 'info', t('engagement.annule'));
  byId('actions-circuit').querySelector('[data-action="advance"]').focus();
});

async function transition(action) {
  if (form.getAttribute('aria-busy') === 'true') {
    return;
  }
  const reason = byId('motif').value.trim();
  if (action === 'send-back' && !reason) {
    announce(circuitRegion, 'erreur', t('circuit.motif-requis'));
    byId('motif').focus();
    return;
  }
  setBusy(form, true);
  silence(circuitRegion);
  try {
    await request('POST', `/dossiers/${encodeURIComponent(id)}/workflow/${action}`,
      { ifMatch: form.dataset.revision, body: action === 'advance' ? {} : { reason } });
    byId('motif').value = '';
    await render();
    announce(circuitRegion, 'succes', t(`circuit.fait-${action}`));
  } catch (error) {
    explain(error);
  } finally {
    setBusy(form, false);
  }
}

/** A refusal, with the blocking controls linked to the verification page. */
function explain(error, region = circuitRegion) {
  const blocking = error instanceof ProblemError && Array.isArray(error.problem.blocking) ? error.problem.blocking : [];
  announce(region, 'erreur', error.message, ...(blocking.length === 0 ? [] : [
    el('ul', { class: 'controles-bloquants' }, blocking.map((control) => el('li', {},
      el('strong', { text: `${control.code} (${t(`severite.${control.severity}`)}) : ` }), control.message))),
    el('p', {}, el('a', { href: dossierPage('verification', id), text: t('circuit.voir-verification') })),
  ]));
}

try {
  await render();
  const past = await request('GET', `/dossiers/${encodeURIComponent(id)}/past`);
  replaceChildren(byId('annees'), past.length === 0 ? [el('li', { text: t('sommaire.aucune-annee') })]
    : past.map((old) => el('li', {}, el('a', { href: dossierPage('sommaire', old.id),
      text: t('sommaire.annee', { year: old.year, version: old.questionnaireVersion }) }))));
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
