/**
 * Completion dashboard for operators: where each organisation stands for each questionnaire of a campaign (step,
 * last activity, controls, lateness), filters and order sent to the server, exports of the same rows and the
 * lateness list, and the progress over time as an SVG chart with the same figures in a table.
 */
import { formatDate, formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit, silence, values } from './forms.js';
import { isOperator, startPage } from './layout.js';

await startPage(isOperator);
const form = byId('filtres');
const region = byId('suivi-messages');
const FILTERS = ['federation', 'type', 'region', 'department', 'step', 'late', 'sort'];
const CHART = { width: 640, height: 260, left: 40, right: 12, top: 12, bottom: 28 };
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];
const numbers = new Intl.NumberFormat('fr-FR');

/** The query string of the chosen filters (empty ones left out), with extra parameters. */
function queryOf(chosen, extra = {}) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (chosen[name]) {
      params.set(name, chosen[name]);
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    params.set(name, value);
  }
  return params.toString();
}

function fillOptions(id, entries) {
  const select = byId(id);
  const kept = select.value;
  replaceChildren(select, select.options[0], entries.map(([value, label]) => el('option', { value, text: label })));
  select.value = kept;
}

/** Filter choices from an unfiltered dashboard: the values present, and every step of the workflows. */
function showChoices(completion) {
  const distinct = (key) => [...new Set(completion.rows.map((row) => row[key]).filter(Boolean))].sort()
    .map((value) => [value, value]);
  fillOptions('federation', distinct('federation'));
  fillOptions('type', distinct('type'));
  fillOptions('region', distinct('region'));
  fillOptions('department', distinct('department'));
  const steps = new Map([['NON_INITIALISE', t('suivi.non-initialise')]]);
  completion.progress.forEach((progress) => progress.steps.forEach((step) => steps.set(step.code, step.label)));
  fillOptions('step', [...steps.entries()]);
}

function controlText(row) {
  const text = t(`suivi.controle.${row.control}`, { errors: row.errors, warnings: row.warnings });
  return row.reverify ? `${text} ${t('suivi.a-reverifier')}` : text;
}

function showRows(completion) {
  fillTable(byId('suivi').tBodies[0], completion.rows, (row) => el('tr', {},
    el('th', { scope: 'row' }, row.name, el('br'), el('small', { text: t('suivi.siren', { siren: row.siren }) })),
    el('td', { text: [row.type, row.federation].filter(Boolean).join(' – ') }),
    el('td', { text: t('suivi.territoire', { region: row.region || '–', department: row.department || '–' }) }),
    el('td', { text: row.questionnaire }),
    el('td', {}, row.dossierId
      ? el('a', { href: `/dossier/sommaire.html?id=${row.dossierId}`, text: t('suivi.dossier', { id: row.dossierId }) })
      : t('suivi.non-initialise')),
    el('td', { text: row.dossierId ? t('suivi.etape', { label: row.stepLabel, index: row.stepIndex, count: row.stepCount }) : '–' }),
    el('td', { text: formatInstant(row.lastActivity, t('suivi.aucune-activite')) }),
    el('td', { text: controlText(row) }),
    el('td', { text: formatDate(row.deadline) }),
    el('td', { text: lateness(row) })),
  t('suivi.aucune-ligne'));
  const late = completion.rows.filter((row) => row.daysLate > 0).length;
  const voluntary = completion.rows.filter((row) => row.voluntary).length;
  byId('resultats-nombre').textContent = t(voluntary ? 'suivi.nombre-volontaires' : 'suivi.nombre',
    { count: completion.rows.length, late: numbers.format(late), voluntary });
}

/** Where a row stands against its deadline; a voluntary filing is never late. */
function lateness(row) {
  if (row.voluntary) {
    return t('suivi.volontaire');
  }
  return row.daysLate > 0 ? t('suivi.jours-retard', { days: row.daysLate }) : t('suivi.a-l-heure');
}

function showLinks(year, chosen) {
  const base = `/api/v1/campaigns/${year}/completion/export?`;
  byId('export-csv').href = base + queryOf(chosen, { format: 'csv' });
  byId('export-xlsx').href = base + queryOf(chosen, { format: 'xlsx' });
  byId('retards-csv').href = base + queryOf(chosen, { format: 'csv', late: 'true' });
  byId('retards-xlsx').href = base + queryOf(chosen, { format: 'xlsx', late: 'true' });
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, String(value)));
  node.append(...children);
  return node;
}

/** A line per step over the days, the last day's figures as the text alternative. */
function chart(progress, id) {
  const steps = progress.steps.slice(1);
  const days = progress.days;
  const max = Math.max(1, ...days.flatMap((day) => day.reached));
  const x = (i) => CHART.left + (days.length < 2 ? 0 : i * (CHART.width - CHART.left - CHART.right) / (days.length - 1));
  const y = (n) => CHART.height - CHART.bottom - n * (CHART.height - CHART.top - CHART.bottom) / max;
  const last = days[days.length - 1];
  const summary = t('suivi.graphique-resume', {
    day: formatDate(last.day),
    figures: steps.map((step, i) => t('suivi.graphique-etape', { label: step.label, count: last.reached[i] })).join(', '),
  });
  return svg('svg', { viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: 'img', 'aria-labelledby': `${id}-titre ${id}-desc`, class: 'graphique' },
    svg('title', { id: `${id}-titre` }, t('suivi.graphique-titre', { code: progress.questionnaire })),
    svg('desc', { id: `${id}-desc` }, summary),
    svg('line', { x1: CHART.left, y1: y(0), x2: CHART.width - CHART.right, y2: y(0), class: 'axe' }),
    svg('line', { x1: CHART.left, y1: CHART.top, x2: CHART.left, y2: y(0), class: 'axe' }),
    svg('text', { x: CHART.left - 6, y: y(max) + 4, 'text-anchor': 'end' }, numbers.format(max)),
    svg('text', { x: CHART.left - 6, y: y(0) + 4, 'text-anchor': 'end' }, '0'),
    svg('text', { x: CHART.left, y: CHART.height - 8 }, formatDate(days[0].day)),
    svg('text', { x: CHART.width - CHART.right, y: CHART.height - 8, 'text-anchor': 'end' }, formatDate(last.day)),
    steps.map((step, s) => svg('polyline', {
      points: days.map((day, i) => `${x(i).toFixed(1)},${y(day.reached[s]).toFixed(1)}`).join(' '),
      class: `serie serie-${s % DASHES.length}`, 'stroke-dasharray': DASHES[s % DASHES.length],
    })));
}

function figures(progress, id) {
  const steps = progress.steps.slice(1);
  return el('details', {},
    el('summary', { text: t('suivi.tableau-donnees', { code: progress.questionnaire }) }),
    el('div', { class: 'defilement', role: 'region', 'aria-labelledby': `${id}-legende`, tabindex: '0' },
      el('table', {},
        el('caption', { id: `${id}-legende`, text: t('suivi.tableau-legende', { code: progress.questionnaire }) }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('suivi.jour') }),
          steps.map((step) => el('th', { scope: 'col', text: step.label })))),
        el('tbody', {}, progress.days.map((day) => el('tr', {},
          el('th', { scope: 'row', text: formatDate(day.day) }),
          day.reached.map((count) => el('td', { class: 'nombre', text: numbers.format(count) }))))))));
}

function showProgress(completion) {
  const list = completion.progress.filter((progress) => progress.days.length > 0);
  replaceChildren(byId('progression'), list.length === 0 ? el('p', { text: t('suivi.pas-de-progression') })
    : list.map((progress, n) => el('figure', { class: 'progression' },
      chart(progress, `graphique-${n}`),
      el('figcaption', {}, el('ul', { class: 'legende-graphique' }, progress.steps.slice(1).map((step, s) => el('li', {},
        svg('svg', { width: 28, height: 10, 'aria-hidden': 'true' }, svg('line', {
          x1: 0, y1: 5, x2: 28, y2: 5, class: `serie serie-${s % DASHES.length}`, 'stroke-dasharray': DASHES[s % DASHES.length],
        })), ` ${step.label}`)))),
      figures(progress, `donnees-${n}`))));
}

async function show(chosen) {
  const year = chosen.year;
  const completion = await request('GET', `/campaigns/${year}/completion?${queryOf(chosen)}`);
  byId('titre-suivi').textContent = t('suivi.titre', { year });
  showRows(completion);
  showLinks(year, chosen);
  showProgress(completion);
  return completion;
}

async function start() {
  const campaigns = await request('GET', '/campaigns');
  if (campaigns.length === 0) {
    announce(region, 'erreur', t('suivi.aucune-campagne'));
    return;
  }
  replaceChildren(byId('year'), campaigns.map((campaign) => el('option', {
    value: String(campaign.year), text: t('suivi.campagne', { year: campaign.year, label: campaign.label }) })));
  const wanted = queryParam('annee');
  const open = campaigns.find((campaign) => campaign.state === 'OPEN') || campaigns[0];
  byId('year').value = campaigns.some((campaign) => String(campaign.year) === wanted) ? wanted : String(open.year);
  showChoices(await show(values(form)));
}

onSubmit(form, async (chosen) => {
  silence(region);
  const completion = await show(chosen);
  if (!FILTERS.some((name) => name !== 'sort' && chosen[name])) {
    showChoices(completion);
  }
});

try {
  await start();
} catch (error) {
  announce(region, 'erreur', error.message);
}
pageReady();
