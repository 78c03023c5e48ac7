/**
 * Verification of a signed file for any signed-in user: the file is sent as it is, the report says whether it is
 * valid, why not, who signed, for which organisation, and when (signing time and certified timestamp).
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { onSubmit } from './forms.js';
import { startPage } from './layout.js';

await startPage();
const form = byId('verification');

function entry(term, value) {
  return value ? [el('dt', { text: term }), el('dd', { text: value })] : [];
}

onSubmit(form, async () => {
  const file = byId('fichier').files[0];
  const report = await request('POST', '/signatures/verify', { body: file, contentType: 'application/octet-stream' });
  byId('rapport-bloc').hidden = false;
  const verdict = byId('verdict');
  verdict.textContent = t(report.valid ? 'signature.valide' : 'signature.invalide', { name: file.name });
  verdict.className = `verdict ${report.valid ? 'verdict-valide' : 'verdict-invalide'}`;
  replaceChildren(byId('rapport'), [
    ...entry(t('signature.format'), report.format),
    ...entry(t('signature.signataire'), report.signedBy),
    ...entry(t('signature.organisation'), report.organisation),
    ...entry(t('signature.certificat'), report.signer),
    ...entry(t('signature.date'), formatInstant(report.signingTime)),
    ...entry(t('signature.horodatage'), formatInstant(report.timestampAt)),
    ...entry(t('signature.autorite'), report.timestampAuthority),
  ]);
  replaceChildren(byId('problemes'), report.problems.map((problem) => el('li', { text: problem })));
  byId('titre-rapport').focus();
});
pageReady();
