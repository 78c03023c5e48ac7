/**
 * The audit log, read-only: the organisation's entries for its administrator; the perimeter's entries for a
 * support or super-administrator operator, who may also verify the hash chain of the whole log.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady } from './dom.js';
import { request } from './api.js';
import { announce, setBusy, silence } from './forms.js';
import { auditsPerimeter, readsAuditLog, startPage } from './layout.js';

const LIMIT = 200;
const session = await startPage(readsAuditLog);
const operator = auditsPerimeter(session);
const verificationRegion = byId('verification-messages');
const verifyButton = byId('verifier');

byId('perimetre').textContent = operator
  ? t('journal.perimetre', { perimeter: session.federation || t('accueil.national') })
  : t('journal.organisation', { name: session.organisationName || '', siren: session.siren });

function showEntries(entries) {
  fillTable(byId('journal').tBodies[0], entries, (entry) => el('tr', {},
    el('td', { text: entry.sequence }),
    el('th', { scope: 'row' }, el('time', { datetime: entry.at, text: formatInstant(entry.at) })),
    el('td', { text: entry.event.action }),
    el('td', { text: entry.event.actor || '' }),
    el('td', { text: entry.event.remoteAddress || '' }),
    el('td', { text: entry.event.siren || '' }),
    el('td', { text: entry.event.target || '' }),
    el('td', { text: entry.event.details || '' })), t('journal.aucune'));
}

async function verify() {
  if (verifyButton.getAttribute('aria-disabled') === 'true') {
    return;
  }
  silence(verificationRegion);
  setBusy(byId('verification-bloc'), true);
  try {
    const result = await request('GET', '/audit/verification');
    if (result.intact) {
      announce(verificationRegion, 'succes', t('journal.integre', { checked: result.checked }));
    } else {
      announce(verificationRegion, 'erreur',
        t('journal.altere', { checked: result.checked, count: result.problems.length }),
        el('ul', {}, result.problems.map((problem) => el('li', { text: problem }))));
    }
  } catch (error) {
    announce(verificationRegion, 'erreur', error.message);
  } finally {
    setBusy(byId('verification-bloc'), false);
  }
}

if (operator) {
  byId('verification-bloc').hidden = false;
  verifyButton.addEventListener('click', verify);
}

try {
  showEntries(await request('GET', operator
    ? `/audit?limit=${LIMIT}`
    : `/audit/organisations/${encodeURIComponent(session.siren)}?limit=${LIMIT}`));
} catch (error) {
  announce(byId('journal-messages'), 'erreur', error.message);
}
pageReady();
