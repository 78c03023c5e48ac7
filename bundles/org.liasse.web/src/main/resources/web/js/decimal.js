/**
 * Exact decimal numbers for the browser, so that live totals equal what the server stores: a value is an integer
 * (BigInt) and a scale, value = unscaled × 10^-scale. Division keeps 16 significant digits rounded half to even,
 * and round() rounds half up, exactly as the server's formulas (Java BigDecimal, MathContext.DECIMAL64).
 */

/** Significant digits kept by a division (DECIMAL64). */
const DIVISION_DIGITS = 16;

const PLAIN = /^([-+]?)(\d*)(?:\.(\d*))?$/;

function make(unscaled, scale) {
  return Object.freeze({ unscaled, scale });
}

function pow10(n) {
  return 10n ** BigInt(n);
}

function digits(n) {
  return (n < 0n ? -n : n).toString().length;
}

/** Both operands at the larger scale. */
function aligned(a, b) {
  const scale = Math.max(a.scale, b.scale);
  return [a.unscaled * pow10(scale - a.scale), b.unscaled * pow10(scale - b.scale), scale];
}

/** A plain decimal ({@code -1234.50}, as the server stores and formulas write numbers), or null. */
export function parse(text) {
  const match = PLAIN.exec(String(text).trim());
  if (!match || (match[2] === '' && !match[3])) {
    return null;
  }
  const fraction = match[3] || '';
  const unscaled = BigInt(`${match[2] || '0'}${fraction}`);
  return make(match[1] === '-' ? -unscaled : unscaled, fraction.length);
}

export const ZERO = make(0n, 0);

export function add(a, b) {
  const [x, y, scale] = aligned(a, b);
  return make(x + y, scale);
}

export function subtract(a, b) {
  const [x, y, scale] = aligned(a, b);
  return make(x - y, scale);
}

export function multiply(a, b) {
  return make(a.unscaled * b.unscaled, a.scale + b.scale);
}

export function negate(a) {
  return make(-a.unscaled, a.scale);
}

export function abs(a) {
  return a.unscaled < 0n ? negate(a) : a;
}

/** -1, 0 or 1. */
export function compare(a, b) {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(a) {
  return a.unscaled === 0n;
}

/** Divides |n| by d (both positive), rounding the quotient half to even. */
function halfEven(n, d) {
  const q = n / d;
  const twice = (n % d) * 2n;
  return twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q;
}

/** a ÷ b to 16 significant digits, rounded half to even; b must not be zero. */
export function divide(a, b) {
  if (b.unscaled === 0n) {
    throw new RangeError('division par zéro');
  }
  const negative = (a.unscaled < 0n) !== (b.unscaled < 0n);
  const n = a.unscaled < 0n ? -a.unscaled : a.unscaled;
  const d = b.unscaled < 0n ? -b.unscaled : b.unscaled;
  if (n === 0n) {
    return make(0n, 0);
  }
  // Enough extra digits for the quotient to carry 16 significant digits and one more to round on.
  const shift = Math.max(0, DIVISION_DIGITS + 1 - (digits(n) - digits(d)));
  const scaledN = n * pow10(shift);
  let quotient = scaledN / d;
  let scale = a.scale - b.scale + shift;
  const exact = scaledN % d === 0n;
  const extra = digits(quotient) - DIVISION_DIGITS;
  if (extra > 0) {
    const unit = pow10(extra);
    const kept = quotient / unit;
    const dropped = quotient % unit;
    const half = unit / 2n;
    const above = dropped > half || (dropped === half && !exact);
    const tie = dropped === half && exact;
    quotient = above || (tie && kept % 2n === 1n) ? kept + 1n : kept;
    scale -= extra;
  } else if (!exact) {
    quotient = halfEven(scaledN, d);
  }
  return make(negative ? -quotient : quotient, scale);
}

/** Rounded to `scale` decimals, half away from zero (Java's HALF_UP). */
export function round(a, scale) {
  if (scale >= a.scale) {
    return make(a.unscaled * pow10(scale - a.scale), scale);
  }
  const unit = pow10(a.scale - scale);
  const n = a.unscaled < 0n ? -a.unscaled : a.unscaled;
  const q = n / unit;
  const rounded = (n % unit) * 2n >= unit ? q + 1n : q;
  return make(a.unscaled < 0n ? -rounded : rounded, scale);
}

/** Plain decimal text, a dot before the decimals: what the server stores and sends. */
export function toPlain(a) {
  const negative = a.unscaled < 0n;
  let text = (negative ? -a.unscaled : a.unscaled).toString();
  if (a.scale > 0) {
    text = text.padStart(a.scale + 1, '0');
    text = `${text.slice(0, text.length - a.scale)}.${text.slice(text.length - a.scale)}`;
  } else if (a.scale < 0) {
    text += '0'.repeat(-a.scale);
  }
  return negative && a.unscaled !== 0n ? `-${text}` : text;
}
