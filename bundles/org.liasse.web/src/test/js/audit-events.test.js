// Every action the server writes to the audit log reads as French on the journal page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { auditEvents, auditKind, auditSentence } from '../../main/resources/web/js/messages-fr.js';

const bundles = new URL('../../../../', import.meta.url);

function javaFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) {
      return entry.name === 'test' || entry.name === 'target' ? [] : javaFiles(path);
    }
    return entry.name.endsWith('.java') ? [path] : [];
  });
}

test('every literal action code written by the server has a French label', () => {
  const codes = new Set(javaFiles(bundles).flatMap((file) => [...readFileSync(file, 'utf8')
    .matchAll(/AuditEvent\("([^"]+)"/g)].map((match) => match[1])));
  assert.ok(codes.size > 30, `codes found: ${codes.size}`);
  assert.deepEqual([...codes].filter((code) => !(code in auditEvents)), []);
});

test('an entry reads as a sentence naming who did what to whom', () => {
  assert.equal(auditSentence({ action: 'droits.modifies', actor: 'camille', target: 'dominique' }),
    'Droits de dominique modifiés par camille');
  assert.equal(auditSentence({ action: 'connexion.echouee', actor: 'anonyme', target: 'x' }),
    'Connexion échouée pour l’identifiant x');
  assert.equal(auditSentence({ action: 'verrouillage', actor: 'systeme', target: 'alice' }),
    'Connexions verrouillées pour alice après trop d’échecs');
});

test('an unknown code still reads, never as a bare code', () => {
  assert.equal(auditSentence({ action: 'PATCH /dossiers/{id}/values', actor: 'bob', target: '/dossiers/4/values' }),
    'Requête PATCH sur /dossiers/4/values par bob');
  assert.equal(auditSentence({ action: 'nouveau.code', actor: 'anonyme' }),
    'Action « nouveau.code » par une personne non connectée');
  assert.equal(auditKind('nouveau.code'), 'nouveau.code');
  assert.equal(auditKind('dossier.signe'), 'Dossier signé');
});
