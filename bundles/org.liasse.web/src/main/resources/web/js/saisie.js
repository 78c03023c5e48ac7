/**
 * Table entry that feels like a spreadsheet: arrow keys, Tab and Enter move between cells, a block pasted from a
 * spreadsheet fills the cells from the current one, totals follow the typing, errors show at the cell. Only changed
 * cells are sent, with If-Match; a stale save opens a choice between merging and reloading. Saves are explicit
 * (button, Ctrl+S) and automatic every 30 seconds; leaving with unsaved changes asks for confirmation.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, pageReady, queryParam, replaceChildren } from './dom.js';
import { ProblemError, request } from './api.js';
import { announce, silence } from './forms.js';
import { startPage } from './layout.js';
import {
  cellLabel, cellsOf, display, dossierPage, fromInput, loadDossierOrExplain, numeric, parseNumber, readOnlyReason,
  rowCodes, stepLabel, toInput,
} from './dossier.js';
import { parse } from './decimal.js';
import { evaluate, stored } from './formula.js';
import { formatNumber } from './format-fr.js';

const AUTOSAVE_MS = 30000;
const VISIBLE_BLANK_ROWS = 1;

const session = await startPage();
const id = queryParam('id');
const region = byId('saisie-messages');
const status = byId('etat-saisie');
const tablesNode = byId('tables');
byId('retour').href = dossierPage('sommaire', id);

const loaded = await loadDossierOrExplain(id, region);
const { questionnaire, campaign, workflow } = loaded;
let { dossier } = loaded;
const fiche = questionnaire.fiches.find((f) => f.code === queryParam('fiche')) || questionnaire.fiches[0];
const formulas = questionnaire.formulas;
const readOnly = readOnlyReason(session, campaign, workflow);
const canEdit = readOnly === null;
const previous = dossier.previous ? dossier.previous.values : {};
const cells = new Map(cellsOf(fiche, formulas).map((cell) => [cell.code, cell]));
/** The column of every computed cell of the questionnaire, whose scale rounds the value as the server stores it. */
const computedColumns = new Map(questionnaire.fiches.flatMap((f) => cellsOf(f, formulas))
  .filter((cell) => cell.computed).map((cell) => [cell.code, cell.column]));
/** Cells typed but not saved yet: cell code → text as typed ('' clears). */
const pending = new Map();
/** Per table: rows of focusable fields (null for computed cells), to move with the arrow keys. */
const grids = [];
/** Rows added with the button to each repeating table, beyond the filled ones. */
const added = new Map();
let lastCell = null;
let saving = false;

document.title = `${fiche.title} – ${questionnaire.title} ${dossier.year} – Liasse`;
byId('titre-fiche').textContent = fiche.title;
byId('chapo-saisie').textContent = t('saisie.chapo', { title: questionnaire.title, siren: dossier.siren });
if (fiche.help) {
  byId('texte-guide-fiche').textContent = fiche.help;
  byId('guide-fiche').hidden = false;
}
replaceChildren(byId('fiches-nav'), questionnaire.fiches.map((f) => el('li', {}, el('a', {
  href: dossierPage('saisie', id, { fiche: f.code }), text: f.title, 'aria-current': f.code === fiche.code ? 'page' : null,
}))));

function fieldId(code) {
  return `c-${code}`;
}

function field(code) {
  return document.getElementById(fieldId(code));
}

/** The value of a cell for live totals, as an exact decimal: what is typed, else what is stored. */
function liveNumber(code, computed) {
  if (computed.has(code)) {
    return computed.get(code);
  }
  if (pending.has(code)) {
    return parseNumber(pending.get(code));
  }
  return dossier.values[code] === undefined ? null : parse(dossier.values[code]);
}

/**
 * Recomputes every formula in the server's order, each rounded to its column's scale as the server stores it, and
 * shows the computed cells of this fiche.
 */
function refreshComputed() {
  const computed = new Map();
  for (const [code, tree] of Object.entries(formulas)) {
    computed.set(code, stored(evaluate(tree, (ref) => liveNumber(ref, computed)), computedColumns.get(code)));
    const cell = cells.get(code);
    const output = cell && field(code);
    if (output) {
      output.textContent = display(cell.column, computed.get(code));
    }
  }
}

function describe(node, ids) {
  const list = ids.filter(Boolean);
  if (list.length) {
    node.setAttribute('aria-describedby', list.join(' '));
  } else {
    node.removeAttribute('aria-describedby');
  }
}

function setCellError(code, message) {
  const node = field(code);
  if (!node) {
    return;
  }
  const errorId = `e-${code}`;
  let text = document.getElementById(errorId);
  if (!text) {
    text = el('span', { id: errorId, class: 'erreur-cellule' });
    node.after(text);
  }
  text.textContent = message;
  node.dataset.valeurRefusee = node.value;
  node.setAttribute('aria-invalid', 'true');
  describe(node, [errorId, helpId(code), previousId(code)]);
}

function clearCellError(code) {
  const node = field(code);
  document.getElementById(`e-${code}`)?.remove();
  if (node) {
    delete node.dataset.valeurRefusee;
    node.removeAttribute('aria-invalid');
    describe(node, [helpId(code), previousId(code)]);
  }
}

function previousId(code) {
  return previous[code] !== undefined ? `n1-${code}` : null;
}

/** The id of the guide de saisie of a cell, which describes its field, or null when its row writes none. */
function helpId(code) {
  return cells.get(code)?.help ? `a-${code}` : null;
}

/** What describes a field at first: its guide de saisie and its N-1 value. */
function describedBy(code) {
  return [helpId(code), previousId(code)].filter(Boolean).join(' ') || null;
}

/**
 * The guide de saisie of a cell: a small « Aide » button that shows or hides the text below the field. The text
 * describes the field (aria-describedby), hidden or not, so a screen reader reads it with the cell.
 */
function helpNodes(cell, label) {
  if (!cell.help) {
    return [];
  }
  const text = el('span', { id: helpId(cell.code), class: 'aide-cellule', text: cell.help, hidden: true });
  const button = el('button', {
    type: 'button', class: 'bouton-aide', 'aria-expanded': 'false', 'aria-controls': text.id,
    onClick: () => {
      text.hidden = !text.hidden;
      button.setAttribute('aria-expanded', String(!text.hidden));
    },
  }, t('aide.bouton'), el('span', { class: 'visuellement-cache', text: t('aide.bouton-cellule', { label }) }));
  return [button, text];
}

function previousNode(cell) {
  const value = previous[cell.code];
  return value === undefined ? null
    : el('span', { id: `n1-${cell.code}`, class: 'n1', text: t('saisie.n1', { value: display(cell.column, value) }) });
}

function entryField(cell, labelledBy) {
  const value = toInput(cell.column, dossier.values[cell.code]);
  const common = {
    id: fieldId(cell.code), 'data-cell': cell.code, 'aria-labelledby': labelledBy, class: 'cellule',
    'aria-describedby': describedBy(cell.code),
    'aria-required': cell.column.required ? 'true' : null,
  };
  if (cell.column.type === 'CODE' || cell.column.type === 'BOOLEAN') {
    const options = cell.column.type === 'CODE' ? cell.column.codes.map((code) => [code, code])
      : [['oui', t('saisie.oui')], ['non', t('saisie.non')]];
    const select = el('select', { ...common, disabled: !canEdit },
      el('option', { value: '', text: t('saisie.vide') }),
      options.map(([code, text]) => el('option', { value: code, text })));
    select.value = value;
    return select;
  }
  return el('input', {
    ...common, type: 'text', value, readonly: !canEdit, autocomplete: 'off', spellcheck: 'false',
    inputmode: numeric(cell.column) ? 'decimal' : null,
    maxlength: cell.column.type === 'TEXT' ? cell.column.maxLength : null,
    placeholder: cell.column.type === 'DATE' ? 'AAAA-MM-JJ' : null,
    class: numeric(cell.column) ? 'cellule nombre' : 'cellule',
  });
}

function columnHeader(table, column) {
  const unit = column.unit ? ` (${column.unit})` : '';
  return el('th', { scope: 'col', id: `col-${fiche.code}-${table.code}-${column.code}`, title: column.help || null },
    column.label + unit, column.required ? el('span', { class: 'obligatoire', text: ' *', 'aria-hidden': 'true' }) : null,
    column.required ? el('span', { class: 'visuellement-cache', text: t('saisie.obligatoire') }) : null);
}

function shownRows(table) {
  const all = rowCodes(table);
  if (!table.repeating) {
    return all;
  }
  const used = all.filter((row) => table.columns.some((c) => dossier.values[`${fiche.code}.${row}.${c.code}`] !== undefined));
  const typed = [...pending.keys()].filter((code) => code.startsWith(`${fiche.code}.${table.code}_`))
    .map((code) => Number(code.split('.')[1].slice(table.code.length + 1)));
  const last = Math.max(used.length ? all.indexOf(used[used.length - 1]) + 1 : 0, ...typed);
  const wanted = Math.max(last + (canEdit ? VISIBLE_BLANK_ROWS : 0), 1) + (added.get(table.code) || 0);
  return all.slice(0, Math.min(all.length, wanted));
}

function renderTable(table) {
  const grid = [];
  const body = el('tbody');
  const rowsShown = shownRows(table);
  for (const rowCode of rowsShown) {
    const row = table.repeating ? null : table.rows.find((r) => r.code === rowCode);
    const rowId = `row-${fiche.code}-${rowCode}`;
    const fields = [];
    const tr = el('tr', { class: row && Object.keys(row.computed).length ? 'ligne-total' : null },
      el('th', { scope: 'row', id: rowId, title: row && row.help ? row.help : null },
        row ? row.label : t('saisie.ligne-repetee', { n: rowCode.slice(table.code.length + 1) })));
    for (const column of table.columns) {
      const cell = cells.get(`${fiche.code}.${rowCode}.${column.code}`);
      const labelledBy = `${rowId} col-${fiche.code}-${table.code}-${column.code}`;
      const label = `${row ? row.label : rowCode} — ${column.label}`;
      if (cell.computed) {
        tr.append(el('td', { class: 'calculee' }, el('output', {
          id: fieldId(cell.code), 'aria-labelledby': labelledBy, 'data-cell': cell.code, tabindex: '-1',
          'aria-describedby': describedBy(cell.code) }),
          helpNodes(cell, label), previousNode(cell)));
        fields.push(null);
      } else {
        const input = entryField(cell, labelledBy);
        tr.append(el('td', { class: numeric(column) ? 'nombre' : null }, input, helpNodes(cell, label),
          previousNode(cell)));
        fields.push(input);
      }
    }
    grid.push(fields);
    body.append(tr);
  }
  grids.push(grid);
  const captionId = `legende-${table.code}`;
  const parts = [el('div', { class: 'defilement', role: 'region', 'aria-labelledby': captionId, tabindex: '0' },
    el('table', { class: 'grille', id: `table-${table.code}` },
      el('caption', { id: captionId, text: table.title }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('saisie.ligne') }), table.columns.map((c) => columnHeader(table, c)))),
      body))];
  if (table.repeating && canEdit && rowsShown.length < table.maxRows) {
    parts.push(el('p', {}, el('button', {
      type: 'button', class: 'bouton-secondaire bouton-petit', text: t('saisie.ajouter-ligne', { table: table.title }),
      onClick: () => addRow(table),
    })));
  }
  return el('section', { class: 'table-saisie', 'data-table': table.code }, parts);
}

function render() {
  grids.length = 0;
  replaceChildren(tablesNode, fiche.tables.map(renderTable));
  for (const [code, text] of pending) {
    const node = field(code);
    if (node) {
      node.value = text;
    }
  }
  refreshComputed();
}

function addRow(table) {
  const next = shownRows(table).length + 1;
  added.set(table.code, (added.get(table.code) || 0) + 1);
  render();
  field(`${fiche.code}.${table.code}_${next}.${table.columns[0].code}`)?.focus();
}

function updateStatus() {
  if (!canEdit) {
    status.textContent = t(`saisie.lecture-${readOnly}`, { step: stepLabel(workflow) });
  } else if (pending.size) {
    status.textContent = t('saisie.non-enregistre', { count: pending.size });
  }
}

function track(node) {
  const code = node.dataset.cell;
  const stored = toInput(cells.get(code).column, dossier.values[code]);
  if (node.value === stored) {
    pending.delete(code);
  } else {
    pending.set(code, node.value);
  }
  refreshComputed();
  updateStatus();
}

/** When the user leaves a cell: a number is shown grouped (« 1 234,5 »), a date JJ/MM/AAAA, or the error is said. */
function quickCheck(node) {
  const cell = cells.get(node.dataset.cell);
  const number = numeric(cell.column) && node.value.trim() !== '' ? parseNumber(node.value) : undefined;
  if (number === null) {
    setCellError(cell.code, t('saisie.nombre-attendu'));
    return;
  }
  const shown = number ? formatNumber(number) : toInput(cell.column, fromInput(cell.column, node.value));
  if (node.tagName === 'INPUT' && node.value.trim() !== '' && shown !== node.value) {
    node.value = shown;
    track(node);
  }
  if (node.dataset.valeurRefusee !== undefined && node.value !== node.dataset.valeurRefusee) {
    clearCellError(cell.code);
  }
}

function position(node) {
  for (let g = 0; g < grids.length; g++) {
    for (let r = 0; r < grids[g].length; r++) {
      const c = grids[g][r].indexOf(node);
      if (c >= 0) {
        return { g, r, c };
      }
    }
  }
  return null;
}

function move(node, rows, columns) {
  const at = position(node);
  if (!at) {
    return false;
  }
  const grid = grids[at.g];
  let { r, c } = at;
  for (;;) {
    r += rows;
    c += columns;
    if (r < 0 || r >= grid.length || c < 0 || c >= grid[r].length) {
      return false;
    }
    if (grid[r][c]) {
      grid[r][c].focus();
      if (grid[r][c].select) {
        grid[r][c].select();
      }
      return true;
    }
  }
}

function onKeyDown(event) {
  const node = event.target;
  if (!node.dataset || !node.dataset.cell) {
    return;
  }
  const isText = node.tagName === 'INPUT';
  const caretAtStart = isText && node.selectionStart === 0 && node.selectionEnd === 0;
  const caretAtEnd = isText && node.selectionStart === node.value.length && node.selectionEnd === node.value.length;
  let moved = false;
  if (event.key === 'ArrowDown' && isText) {
    moved = move(node, 1, 0);
  } else if (event.key === 'ArrowUp' && isText) {
    moved = move(node, -1, 0);
  } else if (event.key === 'Enter' && !event.altKey) {
    moved = move(node, event.shiftKey ? -1 : 1, 0);
    if (!moved) {
      event.preventDefault();
    }
  } else if (event.key === 'ArrowRight' && caretAtEnd) {
    moved = move(node, 0, 1);
  } else if (event.key === 'ArrowLeft' && caretAtStart) {
    moved = move(node, 0, -1);
  } else if (event.key === 'Escape' && pending.has(node.dataset.cell)) {
    node.value = toInput(cells.get(node.dataset.cell).column, dossier.values[node.dataset.cell]);
    clearCellError(node.dataset.cell);
    track(node);
    moved = true;
  }
  if (moved) {
    event.preventDefault();
  }
}

function onPaste(event) {
  const node = event.target;
  if (!canEdit || !node.dataset || !node.dataset.cell) {
    return;
  }
  const text = (event.clipboardData || window.clipboardData).getData('text/plain');
  if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) {
    return;
  }
  event.preventDefault();
  const at = position(node);
  const grid = grids[at.g];
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => line.split('\t'));
  let count = 0;
  lines.forEach((values, i) => {
    const fields = grid[at.r + i];
    if (!fields) {
      return;
    }
    values.forEach((value, j) => {
      const target = fields[at.c + j];
      if (target) {
        target.value = value.trim();
        track(target);
        quickCheck(target);
        count += 1;
      }
    });
  });
  announce(region, 'info', t('saisie.colle', { count }));
}

function showErrors(problem) {
  const errors = problem.errors;
  const items = [];
  for (const error of errors) {
    const cell = cells.get(error.field);
    if (cell && field(error.field)) {
      setCellError(error.field, error.message);
      items.push(el('li', {}, el('a', { href: `#${fieldId(error.field)}`, text: `${cellLabel(cell)} : ${error.message}` })));
    } else {
      items.push(el('li', { text: `${error.field} : ${error.message}` }));
    }
  }
  announce(region, 'erreur', el('p', { text: problem.message }), items.length ? el('ul', {}, items) : null);
  const first = errors.map((error) => field(error.field)).find(Boolean);
  first?.focus();
}

/** After a save or a merge: shows the stored values of the cells that are not being typed. */
function adopt(next) {
  dossier = { ...dossier, ...next, previous: dossier.previous };
  for (const [code, cell] of cells) {
    const node = field(code);
    if (!node || cell.computed || pending.has(code)) {
      continue;
    }
    node.value = toInput(cell.column, dossier.values[code]);
  }
  refreshComputed();
}

async function save({ automatic = false } = {}) {
  if (!canEdit || saving || pending.size === 0 || !byId('conflit').hidden) {
    return;
  }
  saving = true;
  const sent = new Map(pending);
  status.textContent = t('saisie.enregistrement');
  try {
    const saved = await request('PATCH', `/dossiers/${encodeURIComponent(id)}/values`,
      { body: { values: Object.fromEntries([...sent].map(([code, text]) => [code, fromInput(cells.get(code).column, text)])) },
        ifMatch: dossier.revision });
    for (const [code, text] of sent) {
      if (pending.get(code) === text) {
        pending.delete(code);
      }
      clearCellError(code);
    }
    adopt({ revision: saved.revision, values: saved.values });
    if (!automatic) {
      silence(region);
    }
    status.textContent = t(automatic ? 'saisie.enregistre-auto' : 'saisie.enregistre', { at: formatInstant(new Date()) });
    updateStatus();
  } catch (error) {
    status.textContent = '';
    if (error instanceof ProblemError && error.status === 412) {
      showConflict(error.problem.changes || [], sent);
    } else if (error instanceof ProblemError && error.status === 422) {
      showErrors(error);
    } else {
      announce(region, 'erreur', error.message);
    }
    updateStatus();
  } finally {
    saving = false;
  }
}

function labelOf(code) {
  const cell = cells.get(code);
  return cell ? cellLabel(cell) : code;
}

function showConflict(changes, sent) {
  const latest = new Map();
  for (const change of changes) {
    latest.set(change.cell, change);
  }
  const both = [...latest.keys()].filter((code) => sent.has(code));
  byId('texte-conflit').textContent = t('saisie.conflit-texte', { count: latest.size, mine: both.length });
  replaceChildren(byId('conflit-cellules'), [...latest.values()].map((change) => {
    const cell = cells.get(change.cell);
    const theirs = cell ? display(cell.column, change.after) : change.after;
    const text = sent.has(change.cell)
      ? t('saisie.conflit-les-deux', { label: labelOf(change.cell), actor: change.actor, theirs: theirs || t('saisie.vide'), mine: sent.get(change.cell) || t('saisie.vide') })
      : t('saisie.conflit-eux', { label: labelOf(change.cell), actor: change.actor, theirs: theirs || t('saisie.vide') });
    return el('li', { class: sent.has(change.cell) ? 'conflit-double' : null, text });
  }));
  const panel = byId('conflit');
  panel.hidden = false;
  panel.focus();
}

async function merge() {
  const fresh = await request('GET', `/dossiers/${encodeURIComponent(id)}`);
  byId('conflit').hidden = true;
  adopt({ revision: fresh.revision, values: fresh.values });
  announce(region, 'info', t('saisie.fusionne', { count: pending.size }));
  updateStatus();
  byId('enregistrer').focus();
}

async function showHistory() {
  const code = lastCell;
  const panel = byId('historique-panneau');
  if (!code) {
    announce(region, 'info', t('saisie.historique-choisir'));
    return;
  }
  byId('titre-historique').textContent = t('saisie.historique-titre', { label: labelOf(code) });
  const list = byId('historique-liste');
  try {
    const history = await request('GET', `/dossiers/${encodeURIComponent(id)}/history?cell=${encodeURIComponent(code)}`);
    const column = cells.get(code).column;
    replaceChildren(list, history.length === 0 ? [el('li', { text: t('saisie.historique-vide') })]
      : history.map((change) => el('li', {},
        el('time', { datetime: change.at, text: formatInstant(change.at) }),
        ` – ${change.actor} : `,
        el('span', { class: 'ancienne', text: display(column, change.before) || t('saisie.vide') }),
        ' → ',
        el('strong', { text: display(column, change.after) || t('saisie.vide') }))));
  } catch (error) {
    replaceChildren(list, el('li', { text: error.message }));
  }
  panel.hidden = false;
  panel.focus();
}

function closeHistory() {
  byId('historique-panneau').hidden = true;
  if (lastCell) {
    field(lastCell)?.focus();
  }
}

render();
updateStatus();
const target = window.location.hash.startsWith('#c-') ? field(decodeURIComponent(window.location.hash.slice(3))) : null;
if (target) {
  target.focus();
  target.scrollIntoView({ block: 'center' });
}
if (!canEdit) {
  byId('enregistrer').hidden = true;
  announce(region, 'info', status.textContent);
}

tablesNode.addEventListener('keydown', onKeyDown);
tablesNode.addEventListener('paste', onPaste);
tablesNode.addEventListener('input', (event) => event.target.dataset?.cell && track(event.target));
tablesNode.addEventListener('change', (event) => event.target.dataset?.cell && track(event.target));
tablesNode.addEventListener('focusout', (event) => event.target.dataset?.cell && quickCheck(event.target));
tablesNode.addEventListener('focusin', (event) => {
  if (event.target.dataset?.cell) {
    lastCell = event.target.dataset.cell;
  }
});
byId('enregistrer').addEventListener('click', () => save());
byId('historique').addEventListener('click', showHistory);
byId('fermer-historique').addEventListener('click', closeHistory);
byId('historique-panneau').addEventListener('keydown', (event) => event.key === 'Escape' && closeHistory());
byId('fusionner').addEventListener('click', merge);
byId('recharger').addEventListener('click', () => {
  pending.clear();
  window.location.reload();
});
byId('afficher-n1').addEventListener('change', (event) => tablesNode.classList.toggle('sans-n1', !event.target.checked));
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    save();
  } else if (event.altKey && event.key.toLowerCase() === 'h') {
    event.preventDefault();
    showHistory();
  }
});
window.addEventListener('beforeunload', (event) => {
  if (pending.size) {
    event.preventDefault();
    event.returnValue = '';
  }
});
if (canEdit) {
  setInterval(() => save({ automatic: true }), AUTOSAVE_MS);
}
pageReady();
