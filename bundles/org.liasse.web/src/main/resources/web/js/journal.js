/**
 * The audit log, read-only: the organisation's entries for its administrator; the perimeter's entries for a
 * support or super-administrator operator, who may also verify the hash chain of the whole log. Entries read as
 * French sentences written by the server (the same as in the CSV export), filtered on the server by author, action and
 * period, 200 to a page, exported as CSV with the same filters. The pages of one reading end at the newest entry of
 * its first page, so that turning pages neither repeats nor skips entries while others are recorded.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit, setBusy, silence } from './forms.js';
import { auditsPerimeter, readsAuditLog, startPage } from './layout.js';

const LIMIT = 200;
const FILTERS = ['acteur', 'action', 'du', 'au'];
const session = await startPage(readsAuditLog);
const operator = auditsPerimeter(session);
const base = operator ? '/audit' : `/audit/organisations/${encodeURIComponent(session.siren)}`;
const verificationRegion = byId('verification-messages');
const verifyButton = byId('verifier');
const previousButton = byId('page-precedente');
const nextButton = byId('page-suivante');
let chosen = {};
let offset = 0;
let newest = null;

byId('perimetre').textContent = operator
  ? t('journal.perimetre', { perimeter: session.federation || t('accueil.national') })
  : t('journal.organisation', { name: session.organisationName || '', siren: session.siren });

replaceChildren(byId('action'), el('option', { value: '', text: t('journal.toutes-actions') }),
  (await request('GET', '/audit/actions')).map(({ code, label }) => el('option', { value: code, text: label })));

/** The query string of the filters (empty ones left out), with extra parameters. */
function queryOf(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (filters[name]) {
      params.set(name, filters[name]);
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    params.set(name, value);
  }
  return params.toString();
}

function enable(button, enabled) {
  button.setAttribute('aria-disabled', String(!enabled));
}

function showEntries(entries) {
  if (offset === 0) {
    newest = entries.length ? entries[0].sequence : null;
  }
  const filtered = FILTERS.some((name) => chosen[name]);
  fillTable(byId('journal').tBodies[0], entries, (entry) => el('tr', {},
    el('td', { text: entry.sequence }),
    el('th', { scope: 'row' }, el('time', { datetime: entry.at, text: formatInstant(entry.at) })),
    el('td', {}, entry.sentence, el('br'), el('code', { text: entry.event.action })),
    el('td', { text: entry.actorName }),
    el('td', { text: entry.event.remoteAddress || '' }),
    el('td', { text: entry.event.siren || '' }),
    el('td', { text: entry.event.target || '' }),
    el('td', { text: entry.event.details || '' })), t(filtered ? 'journal.aucune-filtre' : 'journal.aucune'));
  byId('page-courante').textContent = entries.length
    ? t('journal.page', { first: offset + 1, last: offset + entries.length }) : '';
  enable(previousButton, offset > 0);
  enable(nextButton, entries.length === LIMIT);
  const query = queryOf(chosen);
  byId('export-csv').setAttribute('href', `/api/v1${base}/export${query ? `?${query}` : ''}`);
}

async function load() {
  silence(byId('journal-messages'));
  try {
    const reading = newest ? { dernier: newest } : {};
    showEntries(await request('GET', `${base}?${queryOf(chosen, { ...reading, offset, limit: LIMIT })}`));
  } catch (error) {
    announce(byId('journal-messages'), 'erreur', error.message);
  }
}

async function turn(button, step) {
  if (button.getAttribute('aria-disabled') === 'true') {
    return;
  }
  offset = Math.max(0, offset + step);
  await load();
  byId('titre-entrees').focus();
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
previousButton.addEventListener('click', () => turn(previousButton, -LIMIT));
nextButton.addEventListener('click', () => turn(nextButton, LIMIT));

onSubmit(byId('filtres'), async (values) => {
  const page = await request('GET', `${base}?${queryOf(values, { offset: 0, limit: LIMIT })}`);
  chosen = values;
  offset = 0;
  showEntries(page);
});

await load();
pageReady();
