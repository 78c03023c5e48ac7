// After sign-in the login page opens only a path of this site: no open redirect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextPage } from '../../main/resources/web/js/api.js';

test('a path of this site is kept with its query and fragment', () => {
  assert.equal(nextPage('/dossier/sommaire.html?id=12'), '/dossier/sommaire.html?id=12');
  assert.equal(nextPage('/dossier/saisie.html?id=12&fiche=CR#CR.LOYERS'), '/dossier/saisie.html?id=12&fiche=CR#CR.LOYERS');
  assert.equal(nextPage('/accueil.html'), '/accueil.html');
  assert.equal(nextPage('/operateur/../journal.html'), '/journal.html');
});

test('another site, a script or anything but a single leading slash is refused', () => {
  for (const path of ['//evil.example', '//evil.example/accueil.html', '/\\evil.example', '/\\/evil.example',
    '\\\\evil.example', 'https://evil.example/', 'http:/evil.example', 'javascript:alert(1)', ' /accueil.html',
    '/\t/evil.example', '/\n/evil.example', 'accueil.html', '', '/accueil.html\\', null, undefined]) {
    assert.equal(nextPage(path), null, JSON.stringify(path));
  }
});
