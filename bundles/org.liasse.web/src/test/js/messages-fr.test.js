// The French messages write plurals out and agree with their numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { t } from '../../main/resources/web/js/messages-fr.js';

test('a count is written with its noun, singular for 0 and 1', () => {
  assert.equal(t('saisie.non-enregistre', { count: 1 }), '1 modification non enregistrée.');
  assert.equal(t('saisie.non-enregistre', { count: 0 }), '0 modification non enregistrée.');
  assert.equal(t('saisie.non-enregistre', { count: 2 }), '2 modifications non enregistrées.');
  assert.equal(t('suivi.controle.ERRORS', { errors: 1234 }), '1\u202f234 erreurs');
});

test('a word agrees with a number given elsewhere', () => {
  assert.equal(t('evolutions.resume', { added: 1, removed: 2, changed: 0 }),
    '1 cellule ajoutée, 2 supprimées, 0 modifiée.');
});

test('no message hedges its plural with (s)', () => {
  const source = readFileSync(new URL('../../main/resources/web/js/messages-fr.js', import.meta.url), 'utf8');
  assert.deepEqual(source.split('\n').filter((line) => /\w\((s|es|x)\)/.test(line)), []);
});
