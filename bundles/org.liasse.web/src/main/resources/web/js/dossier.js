/**
 * What the dossier pages share: loading a dossier with its questionnaire, French number formats, cell labels, the
 * state of each fiche, and the live evaluation of computed cells from the formula trees sent by the server.
 */
import { t } from './messages-fr.js';
import { request } from './api.js';
import { pageReady } from './dom.js';
import { announce } from './forms.js';

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

/** Every cell of a fiche: {code, table, row (definition or null), rowCode, column, computed}. */
export function cellsOf(fiche, formulas) {
  const cells = [];
  for (const table of fiche.tables) {
    for (const rowCode of rowCodes(table)) {
      const row = table.repeating ? null : table.rows.find((r) => r.code === rowCode);
      for (const column of table.columns) {
        const code = `${fiche.code}.${rowCode}.${column.code}`;
        cells.push({ code, table, row, rowCode, column, computed: code in formulas });
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

const NUMERIC = ['INTEGER', 'DECIMAL', 'AMOUNT', 'PERCENTAGE'];

/** Whether a column holds numbers. */
export function numeric(column) {
  return NUMERIC.includes(column.type);
}

/** The number typed in French (spaces, comma) as a JS number for live totals, or null when empty or invalid. */
export function parseNumber(text) {
  if (text === undefined || text === null) {
    return null;
  }
  const plain = String(text).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (plain === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(plain)) {
    return null;
  }
  return Number(plain);
}

/** A canonical value (as stored) written for an input: decimal comma, no grouping. */
export function toInput(column, value) {
  if (value === undefined || value === null) {
    return '';
  }
  if (numeric(column)) {
    return String(value).replace('.', ',');
  }
  if (column.type === 'BOOLEAN') {
    return value === 'true' ? 'oui' : 'non';
  }
  return String(value);
}

/** A canonical value written for reading: grouped digits and the column's decimals, oui/non, French dates. */
export function display(column, value) {
  if (value === undefined || value === null || value === '') {
    return '';
  }
  if (numeric(column)) {
    const number = typeof value === 'number' ? value : Number(value);
    if (Number.isNaN(number)) {
      return String(value);
    }
    const digits = column.type === 'INTEGER' ? 0 : column.scale;
    return new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(number);
  }
  if (column.type === 'BOOLEAN') {
    return value === 'true' ? t('saisie.oui') : t('saisie.non');
  }
  if (column.type === 'DATE') {
    const [year, month, day] = String(value).split('-');
    return day ? `${day}/${month}/${year}` : String(value);
  }
  return String(value);
}

/** The label of a cell: table › row › column. */
export function cellLabel(cell) {
  const row = cell.row ? cell.row.label : t('saisie.ligne-repetee', { n: cell.rowCode.slice(cell.table.code.length + 1) });
  return `${cell.table.title} › ${row} › ${cell.column.label}`;
}

/**
 * Evaluates a formula tree like the server does: an empty cell counts as 0, the result is empty when every cell it
 * reads is empty or when it divides by zero. valueOf(cell) returns a number or null.
 */
export function evaluate(tree, valueOf) {
  let any = false;
  let refs = 0;
  const walk = (node) => {
    const [op, ...args] = node;
    switch (op) {
      case 'num': return Number(args[0]);
      case 'ref': {
        refs += 1;
        const value = valueOf(args[0]);
        if (value !== null && value !== undefined) {
          any = true;
          return value;
        }
        return 0;
      }
      case 'neg': return -walk(args[0]);
      case '+': return walk(args[0]) + walk(args[1]);
      case '-': return walk(args[0]) - walk(args[1]);
      case '*': return walk(args[0]) * walk(args[1]);
      case '/': {
        const dividend = walk(args[0]);
        const divisor = walk(args[1]);
        if (divisor === 0) {
          throw new RangeError('division par zéro');
        }
        return dividend / divisor;
      }
      case 'sum': return args.map(walk).reduce((a, b) => a + b, 0);
      case 'min': return Math.min(...args.map(walk));
      case 'max': return Math.max(...args.map(walk));
      case 'abs': return Math.abs(walk(args[0]));
      case 'round': {
        const factor = 10 ** args[1];
        return Math.round(walk(args[0]) * factor) / factor;
      }
      default: throw new Error(`opération inconnue ${op}`);
    }
  };
  try {
    const result = walk(tree);
    return refs > 0 && !any ? null : result;
  } catch (error) {
    if (error instanceof RangeError) {
      return null;
    }
    throw error;
  }
}

/** The address of a dossier page. */
export function dossierPage(page, id, extra = {}) {
  const params = new URLSearchParams({ id: String(id), ...extra });
  return `/dossier/${page}.html?${params}`;
}
