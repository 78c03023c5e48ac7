/**
 * What the dossier pages share: loading a dossier with its questionnaire, French number formats, cell labels, the
 * state of each fiche, and the live evaluation of computed cells from the formula trees sent by the server.
 */
import { t } from './messages-fr.js';
import { request } from './api.js';
import { pageReady } from './dom.js';
import { announce } from './forms.js';
import { parse } from './decimal.js';
import { formatCell, formatDate, formatNumber, numericType, parseDate } from './format-fr.js';

/** The right to enter data. */
export const ENTER = 'dossier.saisir';

/** Loads a dossier (with its ETag and its N-1 values), its questionnaire version, its campaign and its workflow. */
export async function loadDossier(id) {
  const [dossier, workflow] = await Promise.all([
    request('GET', `/dossiers/${encodeURIComponent(id)}`),
    request('GET', `/dossiers/${encodeURIComponent(id)}/workflow`),
  ]);
  const [questionnaire, campaign] = await Promise.all([
    request('GET', `/questionnaires/${encodeURIComponent(dossier.questionnaireCode)}/${encodeURIComponent(dossier.questionnaireVersion)}`),
    request('GET', `/campaigns/${dossier.year}`),
  ]);
  return { dossier, questionnaire, campaign, workflow };
}

/**
 * Loads a dossier like loadDossier; when that fails, explains why in the live region, marks the page loaded and
 * rethrows, so that the rest of the page script does not run.
 */
export async function loadDossierOrExplain(id, region) {
  try {
    return await loadDossier(id);
  } catch (error) {
    announce(region, 'erreur', error.message);
    pageReady();
    throw error;
  }
}

/**
 * Why the session may not change the values of the dossier now: 'campagne' (the campaign is not open), 'protege'
 * (the dossier has passed data entry) or 'droits' (no right to enter data); null when it may.
 */
export function readOnlyReason(session, campaign, workflow) {
  if (campaign.state !== 'OPEN') {
    return 'campagne';
  }
  if (workflow.protectedFromEntry) {
    return 'protege';
  }
  return (session.rights || []).includes(ENTER) ? null : 'droits';
}

/** The French label of the current step of a workflow. */
export function stepLabel(workflow) {
  return workflow.steps.find((step) => step.code === workflow.step).label;
}

/** The row codes of a table: declared rows, or TABLE_1…TABLE_n for a repeating table. */
export function rowCodes(table) {
  if (!table.repeating) {
    return table.rows.map((row) => row.code);
  }
  return Array.from({ length: table.maxRows }, (_, i) => `${table.code}_${i + 1}`);
}

/** Every cell of a fiche: {code, table, row (definition or null), rowCode, column, help (its guide de saisie), computed}. */
export function cellsOf(fiche, formulas) {
  const cells = [];
  for (const table of fiche.tables) {
    for (const rowCode of rowCodes(table)) {
      const row = table.repeating ? null : table.rows.find((r) => r.code === rowCode);
      for (const column of table.columns) {
        const code = `${fiche.code}.${rowCode}.${column.code}`;
        const help = row?.cellHelp?.[column.code] || '';
        cells.push({ code, table, row, rowCode, column, help, computed: code in formulas });
      }
    }
  }
  return cells;
}

/** Filled, entered, required-but-empty counts of a fiche, and its state: vide, en-cours, incomplete, complete. */
export function ficheState(fiche, formulas, values) {
  const entered = cellsOf(fiche, formulas).filter((cell) => !cell.computed);
  const filled = entered.filter((cell) => values[cell.code] !== undefined).length;
  const missing = entered.filter((cell) => cell.column.required && values[cell.code] === undefined).length;
  let state = 'en-cours';
  if (filled === 0) {
    state = 'vide';
  } else if (missing > 0) {
    state = 'incomplete';
  } else if (filled === entered.length) {
    state = 'complete';
  }
  return { entered: entered.length, filled, missing, state };
}

/** Whether a column holds numbers. */
export function numeric(column) {
  return numericType(column.type);
}

/**
 * The number typed in French (spaces, comma) as an exact decimal for live totals, or null when empty or invalid.
 */
export function parseNumber(text) {
  if (text === undefined || text === null) {
    return null;
  }
  const plain = String(text).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(plain) ? parse(plain) : null;
}

/** A canonical value (as stored) written for an input: grouped digits and a decimal comma, JJ/MM/AAAA, oui/non. */
export function toInput(column, value) {
  if (value === undefined || value === null) {
    return '';
  }
  if (numeric(column)) {
    return formatNumber(String(value));
  }
  if (column.type === 'BOOLEAN') {
    return value === 'true' ? 'oui' : 'non';
  }
  if (column.type === 'DATE') {
    return formatDate(value);
  }
  return String(value);
}

/**
 * What an input holds, as the server reads it: numbers without their grouping spaces, JJ/MM/AAAA dates as
 * AAAA-MM-JJ; anything else as typed (the server explains what it refuses).
 */
export function fromInput(column, text) {
  if (numeric(column)) {
    return String(text).replace(/[\u00a0\u202f]/g, ' ');
  }
  if (column.type === 'DATE') {
    return parseDate(text) || text;
  }
  return text;
}

/** A canonical value (or an exact decimal) written for reading: grouped digits, the column's decimals and unit. */
export function display(column, value) {
  return formatCell(column, value);
}

/** The label of a cell: table › row › column. */
export function cellLabel(cell) {
  const row = cell.row ? cell.row.label : t('saisie.ligne-repetee', { n: cell.rowCode.slice(cell.table.code.length + 1) });
  return `${cell.table.title} › ${row} › ${cell.column.label}`;
}

/** The address of a dossier page. */
export function dossierPage(page, id, extra = {}) {
  const params = new URLSearchParams({ id: String(id), ...extra });
  return `/dossier/${page}.html?${params}`;
}
