// Live totals in the browser code equal what the server stores, on the fixtures LiveTotalsFixtureTest also runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluate, stored } from '../../main/resources/web/js/formula.js';
import { parse, toPlain } from '../../main/resources/web/js/decimal.js';

const { cases } = JSON.parse(readFileSync(new URL('../resources/live-totals.json', import.meta.url), 'utf8'));

for (const [source, tree, values, scale, expected] of cases) {
  test(`${source} with ${JSON.stringify(values)} at scale ${scale}`, () => {
    const value = stored(evaluate(tree, (cell) => (cell in values ? parse(values[cell]) : null)),
      { type: 'DECIMAL', scale });
    assert.equal(value === null ? null : toPlain(value), expected);
  });
}

test('binary floating point would have failed these cases', () => {
  assert.notEqual(0.1 + 0.2, 0.3);
  assert.equal(Math.round(1.005 * 100) / 100, 1);
});
