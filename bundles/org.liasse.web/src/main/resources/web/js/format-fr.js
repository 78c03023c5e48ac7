/**
 * How values are written for people, the same rules as the server's FrenchFormat (one set of fixtures checks both):
 * digits grouped by three with a narrow no-break space, a decimal comma, the unit after a no-break space, dates
 * JJ/MM/AAAA, « Oui » / « Non », counts with their noun. Numbers stay exact decimals: no binary floating point.
 */
import { parse, round } from './decimal.js';

/** Separator of thousands: narrow no-break space (U+202F). */
export const GROUP = '\u202f';
/** Before a unit: no-break space (U+00A0). */
export const BEFORE_UNIT = '\u00a0';

const NUMERIC = ['INTEGER', 'DECIMAL', 'AMOUNT', 'PERCENTAGE'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
  'novembre', 'décembre'];
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A plain decimal string (or a decimal from decimal.js) with its digits grouped and a comma: « -1 234 567,5 ». */
export function formatNumber(value, scale) {
  let decimal = typeof value === 'string' || typeof value === 'number' ? parse(String(value)) : value;
  if (decimal === null) {
    return String(value);
  }
  if (scale !== undefined) {
    decimal = round(decimal, scale);
  }
  const negative = decimal.unscaled < 0n;
  let digits = (negative ? -decimal.unscaled : decimal.unscaled).toString();
  let fraction = '';
  if (decimal.scale > 0) {
    digits = digits.padStart(decimal.scale + 1, '0');
    fraction = `,${digits.slice(digits.length - decimal.scale)}`;
    digits = digits.slice(0, digits.length - decimal.scale);
  } else if (decimal.scale < 0) {
    digits += '0'.repeat(-decimal.scale);
  }
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, GROUP);
  return `${negative ? '-' : ''}${grouped}${fraction}`;
}

/** A number followed by its unit, if any: « 831 484,50 € ». */
export function withUnit(number, unit) {
  return unit ? `${number}${BEFORE_UNIT}${unit}` : number;
}

/** Whether a column holds numbers. */
export function numericType(type) {
  return NUMERIC.includes(type);
}

/** « Oui » for 'true', « Non » for 'false', anything else as it is. */
export function formatBoolean(stored) {
  return stored === 'true' ? 'Oui' : stored === 'false' ? 'Non' : String(stored);
}

/** A stored date AAAA-MM-JJ as JJ/MM/AAAA; anything else as it is. */
export function formatDate(stored) {
  const match = ISO_DATE.exec(String(stored));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : String(stored);
}

/** A stored date AAAA-MM-JJ in prose: « 1er juin 2026 ». */
export function formatLongDate(stored) {
  const match = ISO_DATE.exec(String(stored));
  if (!match) {
    return String(stored);
  }
  const day = Number(match[3]);
  return `${day === 1 ? '1er' : day} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

function realDate(year, month, day) {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1
    && date.getUTCDate() === Number(day);
}

/**
 * A date typed by a person, JJ/MM/AAAA (one-digit day and month accepted) or AAAA-MM-JJ, as stored (AAAA-MM-JJ);
 * null when it is not a day of the calendar.
 */
export function parseDate(text) {
  const typed = String(text).trim();
  const french = FRENCH_DATE.exec(typed);
  const [year, month, day] = french ? [french[3], french[2].padStart(2, '0'), french[1].padStart(2, '0')]
    : (ISO_DATE.exec(typed) || []).slice(1);
  return year && realDate(year, month, day) ? `${year}-${month}-${day}` : null;
}

/**
 * A stored cell value written for reading: numbers with the column's decimals and unit (euros for amounts without
 * one), dates JJ/MM/AAAA, « Oui » / « Non », other text as stored. column: { type, scale, unit }.
 */
export function formatCell(column, stored) {
  if (stored === undefined || stored === null || stored === '') {
    return '';
  }
  if (numericType(column.type)) {
    const decimal = typeof stored === 'object' ? stored : parse(String(stored));
    if (decimal === null) {
      return String(stored);
    }
    const unit = column.unit || (column.type === 'AMOUNT' ? '€' : '');
    return withUnit(formatNumber(decimal, column.type === 'INTEGER' ? 0 : Math.max(column.scale || 0, 0)), unit);
  }
  if (column.type === 'DATE') {
    return formatDate(stored);
  }
  if (column.type === 'BOOLEAN') {
    return formatBoolean(stored);
  }
  return String(stored);
}

/** A text with its apostrophes between letters made typographic: « n'est » → « n’est ». */
export function typography(text) {
  return String(text).replace(/(?<=\p{L})'(?=\p{L})/gu, '\u2019');
}

/** A count with its noun: « 0 erreur », « 1 erreur », « 2 erreurs » (0 and 1 take the singular in French). */
export function formatCount(count, singular, plural) {
  return `${formatNumber(String(count))} ${agree(count, singular, plural)}`;
}

/** The word that agrees with a number written elsewhere: « 2 … supprimées ». */
export function agree(count, singular, plural) {
  return Math.abs(count) < 2 ? singular : plural;
}
