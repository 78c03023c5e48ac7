// French formats in the browser code, on the fixtures the server's FrenchFormatFixturesTest also runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  agree, formatBoolean, formatCell, formatCount, formatDate, formatLongDate, formatNumber, parseDate, typography,
} from '../../main/resources/web/js/format-fr.js';

const fixtures = JSON.parse(readFileSync(new URL('../resources/format-fr.json', import.meta.url), 'utf8'));

const cases = {
  number: ([value, expected]) => assert.equal(formatNumber(value), expected),
  numberWithScale: ([value, scale, expected]) => assert.equal(formatNumber(value, scale), expected),
  cell: ([column, stored, expected]) => assert.equal(formatCell(column, stored), expected),
  date: ([stored, expected]) => assert.equal(formatDate(stored), expected),
  longDate: ([stored, expected]) => assert.equal(formatLongDate(stored), expected),
  parseDate: ([typed, expected]) => assert.equal(parseDate(typed), expected),
  typography: ([text, expected]) => assert.equal(typography(text), expected),
  bool: ([stored, expected]) => assert.equal(formatBoolean(stored), expected),
  agree: ([count, singular, plural, expected]) => assert.equal(agree(count, singular, plural), expected),
  count: ([count, singular, plural, expected]) => assert.equal(formatCount(count, singular, plural), expected),
};

for (const [kind, check] of Object.entries(cases)) {
  test(`format-fr ${kind}`, () => {
    assert.ok(fixtures[kind].length > 0, `no ${kind} fixtures`);
    for (const fixture of fixtures[kind]) {
      check(fixture);
    }
  });
}

test('every fixture kind is checked', () => {
  assert.deepEqual(Object.keys(fixtures).filter((key) => !key.startsWith('_')).sort(), Object.keys(cases).sort());
});
