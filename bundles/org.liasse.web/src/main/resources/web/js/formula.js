/**
 * The live evaluation of computed cells in the browser, from the formula trees the server sends, so that totals
 * follow the typing and equal what the server will store (exact decimals, same rules).
 */
import {
  abs, add, compare, divide, multiply, negate, parse, round, subtract, ZERO,
} from './decimal.js';

/**
 * Evaluates a formula tree exactly as the server does, in exact decimals: an empty cell counts as 0, the result is
 * empty when every cell it reads is empty or when it divides by zero; a division keeps 16 significant digits.
 * valueOf(cell) returns a decimal (decimal.js) or null.
 */
export function evaluate(tree, valueOf) {
  let any = false;
  let refs = 0;
  const walk = (node) => {
    const [op, ...args] = node;
    switch (op) {
      case 'num': return parse(args[0]);
      case 'ref': {
        refs += 1;
        const value = valueOf(args[0]);
        if (value !== null && value !== undefined) {
          any = true;
          return value;
        }
        return ZERO;
      }
      case 'neg': return negate(walk(args[0]));
      case '+': return add(walk(args[0]), walk(args[1]));
      case '-': return subtract(walk(args[0]), walk(args[1]));
      case '*': return multiply(walk(args[0]), walk(args[1]));
      case '/': return divide(walk(args[0]), walk(args[1]));
      case 'sum': return args.map(walk).reduce(add);
      case 'min': return args.map(walk).reduce((a, b) => (compare(b, a) < 0 ? b : a));
      case 'max': return args.map(walk).reduce((a, b) => (compare(b, a) > 0 ? b : a));
      case 'abs': return abs(walk(args[0]));
      case 'round': return round(walk(args[0]), args[1]);
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

/** What the server stores for a computed cell: the formula's value rounded half up to the column's scale. */
export function stored(value, column) {
  return value === null ? null : round(value, column.type === 'INTEGER' ? 0 : Math.max(column.scale || 0, 0));
}
