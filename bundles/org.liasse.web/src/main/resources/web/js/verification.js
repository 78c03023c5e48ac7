/**
 * The verification of a dossier: launch it, read the failed controls grouped by fiche with links to their cells,
 * justify the warnings, and browse the plugin's financial aggregates in tabs.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, pageReady, queryParam, replaceChildren } from './dom.js';
import { ProblemError, request, requestTagged } from './api.js';
import { announce, setBusy, silence } from './forms.js';
import { isOperator, startPage } from './layout.js';
import { cellLabel, cellsOf, dossierPage, loadDossierOrExplain } from './dossier.js';
import { parse } from './decimal.js';
import { formatNumber, withUnit } from './format-fr.js';

/** An aggregate's exact value with at most two decimals and its unit: « 1 234,57 € ». */
function aggregateValue(aggregate) {
  const value = parse(String(aggregate.value));
  return value === null ? String(aggregate.value) : withUnit(formatNumber(value, Math.min(value.scale, 2)), aggregate.unit);
}

const session = await startPage();
const id = queryParam('id');
const region = byId('verification-messages');
byId('retour').href = dossierPage('sommaire', id);
const SEVERITY_ORDER = ['ERROR', 'WARNING', 'INFO', 'FORMAT'];

const loaded = await loadDossierOrExplain(id, region);
const { dossier, questionnaire, campaign } = loaded;
const canVerify = campaign.state === 'OPEN' && (session.rights || []).includes('dossier.verifier');
const ficheTitles = new Map(questionnaire.fiches.map((fiche) => [fiche.code, fiche.title]));
/** Every cell of the questionnaire by code, to name cells by their labels. */
const cellsByCode = new Map(questionnaire.fiches.flatMap((fiche) => cellsOf(fiche, questionnaire.formulas))
  .map((cell) => [cell.code, cell]));
const PREVIOUS = /^prev\(([A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*)\)$/;

byId('chapo-verification').textContent = t('verification.chapo', { title: questionnaire.title, siren: dossier.siren });

/** A cell's label (table › row › column), or its code when the questionnaire has no such cell. */
function labelOf(code) {
  const cell = cellsByCode.get(code);
  return cell ? cellLabel(cell) : code;
}

function cellLink(cell) {
  const fiche = cell.split('.')[0];
  return el('a', { href: `${dossierPage('saisie', id, { fiche })}#c-${cell}`, text: labelOf(cell) });
}

/**
 * What a value of a failed control is, in words: the cell's label, the same for the previous year, the compared
 * and the expected value of the rule; another expression as written.
 */
function valueName(name) {
  if (name === 'left' || name === 'right') {
    return t(`verification.valeur-${name}`);
  }
  const previous = PREVIOUS.exec(name);
  if (previous) {
    return t('verification.valeur-precedente', { label: labelOf(previous[1]) });
  }
  return labelOf(name);
}

/** The revision of the justifications shown, sent back with each one. */
let justificationRevision;

function justificationForm(outcome, verification) {
  const existing = verification.justifications[outcome.code];
  const fieldId = `justification-${outcome.code}`;
  const messages = `justification-messages-${outcome.code}`;
  const form = el('form', { class: 'justification', 'data-messages': messages, method: 'post', action: '#' },
    el('div', { id: messages, class: 'message', 'aria-live': 'polite', 'aria-atomic': 'true' }),
    el('div', { class: 'champ' },
      el('label', { for: fieldId, text: t('verification.justification', { code: outcome.code }) }),
      el('textarea', { id: fieldId, name: 'text', rows: '2', maxlength: '2000', readonly: !canVerify })),
    canVerify ? el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'bouton-petit',
      text: t('verification.justifier') })) : null);
  form.elements.namedItem('text').value = existing ? existing.text : '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setBusy(form, true);
    try {
      const { body: saved, tag } = await requestTagged('PUT',
        `/dossiers/${encodeURIComponent(id)}/justifications/${encodeURIComponent(outcome.code)}`,
        { body: { text: form.elements.namedItem('text').value }, ifMatch: justificationRevision });
      justificationRevision = tag;
      announce(byId(messages), 'succes', t('verification.justifiee', { at: formatInstant(saved.at) }));
    } catch (error) {
      announce(byId(messages), 'erreur', error.message);
    } finally {
      setBusy(form, false);
    }
  });
  return form;
}

function outcomeItem(outcome, verification) {
  const values = Object.entries(outcome.values);
  return el('li', { class: `controle controle-${outcome.severity.toLowerCase()}` },
    el('p', {}, el('span', { class: `etiquette etiquette-${outcome.severity.toLowerCase()}`, text: t(`severite.${outcome.severity}`) }),
      ' ', el('strong', { text: outcome.code }), ' – ', outcome.message),
    values.length ? el('dl', { class: 'valeurs' }, values.flatMap(([name, value]) => [el('dt', { text: valueName(name) }), el('dd', { text: value })])) : null,
    outcome.cells.length ? el('p', {}, t('verification.cellules'), ' ', outcome.cells.flatMap((cell, i) => (i ? [', ', cellLink(cell)] : [cellLink(cell)]))) : null,
    outcome.severity === 'WARNING' ? justificationForm(outcome, verification) : null);
}

function showOutcomes(verification) {
  const failed = verification.outcomes.filter((o) => o.status === 'FAILED' || o.status === 'RUNTIME_ERROR');
  const count = (severity) => failed.filter((o) => o.severity === severity).length;
  byId('resume-verification').textContent = t('verification.resume', {
    at: formatInstant(verification.at), actor: verification.actor, revision: verification.dossierRevision,
    errors: count('ERROR'), warnings: count('WARNING'), infos: count('INFO'),
    passed: verification.passed, notApplicable: verification.notApplicable,
  }) + (verification.dossierRevision !== dossier.revision
    ? ` ${t(canVerify ? 'verification.perimee' : 'verification.perimee-lecture')}` : '');
  if (verification.trigger) {
    announce(byId('avis-mise-a-jour'), 'info', t('verification.mise-a-jour', { at: formatInstant(verification.at), trigger: verification.trigger }));
  } else {
    silence(byId('avis-mise-a-jour'));
  }
  const byFiche = new Map();
  for (const outcome of failed) {
    const fiche = outcome.cells.length ? outcome.cells[0].split('.')[0] : '';
    byFiche.set(fiche, [...(byFiche.get(fiche) || []), outcome]);
  }
  byId('resultats-bloc').hidden = false;
  replaceChildren(byId('resultats'), failed.length === 0 ? [el('p', { text: t('verification.aucun-echec') })]
    : [...byFiche].map(([fiche, outcomes]) => el('section', { class: 'fiche-controles' },
      el('h3', { text: ficheTitles.get(fiche) || t('verification.sans-fiche') }),
      el('ul', { class: 'controles' }, outcomes
        .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
        .map((outcome) => outcomeItem(outcome, verification))))));
}

function selectTab(tabs, index) {
  tabs.forEach((tab, i) => {
    tab.setAttribute('aria-selected', String(i === index));
    tab.tabIndex = i === index ? 0 : -1;
    byId(tab.getAttribute('aria-controls')).hidden = i !== index;
  });
}

function showAggregates(verification) {
  const groups = new Map();
  for (const aggregate of verification.aggregates) {
    const group = aggregate.group || t('verification.autres-agregats');
    groups.set(group, [...(groups.get(group) || []), aggregate]);
  }
  byId('agregats-bloc').hidden = groups.size === 0;
  const tabs = [];
  const panels = [];
  [...groups].forEach(([group, aggregates], i) => {
    const tab = el('button', { type: 'button', role: 'tab', id: `onglet-${i}`, 'aria-controls': `panneau-${i}`, text: group });
    tabs.push(tab);
    panels.push(el('div', { role: 'tabpanel', id: `panneau-${i}`, 'aria-labelledby': `onglet-${i}`, tabindex: '0' },
      el('table', { class: 'agregats' },
        el('caption', { text: group }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('verification.agregat') }),
          el('th', { scope: 'col', text: t('verification.valeur') }))),
        el('tbody', {}, aggregates.map((aggregate) => el('tr', {},
          el('th', { scope: 'row', text: aggregate.label }),
          el('td', { class: 'nombre', text: aggregate.value === null
            ? (aggregate.error || t('saisie.vide'))
            : aggregateValue(aggregate) })))))));
  });
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tabs, i));
    tab.addEventListener('keydown', (event) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next !== undefined) {
        event.preventDefault();
        const target = (next + tabs.length) % tabs.length;
        selectTab(tabs, target);
        tabs[target].focus();
      }
    });
  });
  replaceChildren(byId('onglets'), tabs);
  replaceChildren(byId('panneaux'), panels);
  if (tabs.length) {
    selectTab(tabs, 0);
  }
}

function show(verification) {
  showOutcomes(verification);
  showAggregates(verification);
}

async function launch() {
  const button = byId('lancer');
  if (button.getAttribute('aria-busy') === 'true') {
    return;
  }
  silence(region);
  button.setAttribute('aria-busy', 'true');
  try {
    const { body: verification, tag } = await requestTagged('POST', `/dossiers/${encodeURIComponent(id)}/verifications`,
      { body: {} });
    dossier.revision = verification.dossierRevision;
    justificationRevision = tag;
    show(verification);
    announce(region, 'succes', t('verification.terminee'));
  } catch (error) {
    announce(region, 'erreur', error.message);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

byId('lancer').hidden = false;
if (canVerify) {
  byId('lancer').addEventListener('click', launch);
} else {
  byId('lancer').setAttribute('aria-disabled', 'true');
  byId('lancer').classList.add('indisponible');
  byId('lancer').setAttribute('aria-describedby', 'lancer-raison');
  let reason = isOperator(session) ? 'verification.raison-organisation' : 'verification.raison-droits';
  if (campaign.state !== 'OPEN') {
    reason = 'verification.raison-campagne';
  }
  byId('lancer-raison').textContent = t(reason);
  byId('lancer-raison').hidden = false;
}
try {
  const latest = await requestTagged('GET', `/dossiers/${encodeURIComponent(id)}/verifications/latest`);
  justificationRevision = latest.tag;
  show(latest.body);
} catch (error) {
  if (error instanceof ProblemError && error.status === 404) {
    byId('resume-verification').textContent = t('verification.jamais');
  } else {
    announce(region, 'erreur', error.message);
  }
}
pageReady();
