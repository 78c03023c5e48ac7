/**
 * Import wizard of a dossier (/dossier/import.html?id=N): choose a mapping, a format and a file, read the dry-run
 * report (problems by line, column and cell; cells that would change), then apply the import in one atomic save.
 * Export links for the three formats. Operators and members without the import right only export.
 */
import { t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam } from './dom.js';
import { ProblemError, request } from './api.js';
import { announce, onSubmit, setBusy, silence } from './forms.js';
import { isOperator, startPage } from './layout.js';
import { dossierPage } from './dossier.js';

/** The right to import data. */
const IMPORT = 'dossier.importer';
const FORMATS = ['csv', 'xlsx', 'xml'];

const session = await startPage();
const id = queryParam('id');
const region = byId('import-messages');
const applyButton = byId('appliquer');
const canImport = !isOperator(session) && (session.rights || []).includes(IMPORT);
let revision = null;
let checked = null;

function base() {
  return `/dossiers/${encodeURIComponent(id)}`;
}

function chosenFormat() {
  return byId('import').elements.namedItem('format').value;
}

function importPath(checkedFile, apply) {
  const query = new URLSearchParams({ format: checkedFile.format, mapping: checkedFile.mapping, apply: String(apply) });
  return `${base()}/imports?${query}`;
}

function showReport(result) {
  const problems = result.problems || [];
  const changes = result.changes || [];
  const ignored = result.ignored || [];
  revision = result.revision;
  const summary = t(result.applied ? 'import-dossier.resume-applique' : 'import-dossier.resume', {
    lines: result.lines, problems: problems.length, changes: changes.length,
  });
  let verdict = null;
  if (!result.applied) {
    verdict = t(problems.length ? 'import-dossier.erreurs' : changes.length ? 'import-dossier.pret' : 'import-dossier.rien');
  }
  announce(region, problems.length ? 'erreur' : 'succes', summary, verdict);
  fillTable(byId('problemes').tBodies[0], problems, (problem) => el('tr', {},
    el('td', { text: problem.line || t('import-dossier.tout-le-fichier') }),
    el('td', { text: problem.column || '' }),
    el('td', { text: problem.cell || '' }),
    el('td', { text: problem.message })), t('import-dossier.aucun-probleme'));
  fillTable(byId('modifications').tBodies[0], changes, (change) => el('tr', {},
    el('td', { text: change.line }),
    el('th', { scope: 'row', text: change.cell }),
    el('td', { text: change.before ?? t('import-dossier.vide') }),
    el('td', { text: change.after ?? t('import-dossier.vide') })), t('import-dossier.aucune-modification'));
  byId('ignorees').textContent = ignored.length
    ? t('import-dossier.ignorees', { count: ignored.length, cells: ignored.map((line) => line.cell).join(', ') }) : '';
  byId('rapport').hidden = false;
  applyButton.hidden = result.applied || problems.length > 0 || changes.length === 0;
}

/** The problems of a refused apply (422), listed as the dry run lists them. */
function showRefusal(error) {
  const problems = Array.isArray(error.problem.problems) ? error.problem.problems
    : error.errors.map((problem) => ({ line: 0, column: 0, cell: problem.field, message: problem.message }));
  showReport({ lines: problems.length, problems, changes: [], ignored: [], applied: false, revision });
  announce(region, 'erreur', error.message);
}

byId('fichier').addEventListener('change', () => {
  checked = null;
  applyButton.hidden = true;
  byId('rapport').hidden = true;
  const file = byId('fichier').files[0];
  const extension = file ? file.name.split('.').pop().toLowerCase() : '';
  if (FORMATS.includes(extension)) {
    byId(`format-${extension}`).checked = true;
  }
});

onSubmit(byId('import'), async (values) => {
  const file = byId('fichier').files[0];
  const candidate = { file, format: chosenFormat(), mapping: values.correspondance };
  checked = null;
  showReport(await request('POST', importPath(candidate, false), { body: file, contentType: 'application/octet-stream' }));
  checked = candidate;
}, { fallbackField: 'fichier' });

applyButton.addEventListener('click', async () => {
  const form = byId('import');
  if (form.getAttribute('aria-busy') === 'true' || !checked) {
    return;
  }
  silence(region);
  setBusy(form, true);
  try {
    showReport(await request('POST', importPath(checked, true),
      { body: checked.file, contentType: 'application/octet-stream', ifMatch: revision }));
    checked = null;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 422) {
      showRefusal(error);
    } else if (error instanceof ProblemError && (error.status === 412 || error.status === 409)) {
      applyButton.hidden = true;
      announce(region, 'erreur', t('import-dossier.perime'));
    } else {
      announce(region, 'erreur', error.message);
    }
  } finally {
    setBusy(form, false);
  }
  byId('titre-rapport').focus();
});

async function start() {
  if (!/^\d+$/.test(id || '')) {
    announce(region, 'erreur', t('import-dossier.sans-dossier'));
    byId('import-bloc').hidden = false;
    return;
  }
  byId('retour').setAttribute('href', dossierPage('sommaire', id));
  for (const format of FORMATS) {
    byId(`export-${format}`).setAttribute('href', `/api/v1${base()}/export?format=${format}`);
  }
  const dossier = await request('GET', base());
  revision = dossier.revision;
  byId('chapo-import').textContent = t('import-dossier.chapo', {
    questionnaire: dossier.questionnaireCode, version: dossier.questionnaireVersion, year: dossier.year, siren: dossier.siren,
  });
  if (!canImport) {
    return;
  }
  const mappings = await request('GET', `${base()}/mappings`);
  byId('correspondance').append(...mappings.map((mapping) => el('option', {
    value: mapping.code,
    text: mapping.builtIn ? mapping.title : t('import-dossier.correspondance', {
      title: mapping.title, key: mapping.keyColumn, value: mapping.valueColumn,
    }),
  })));
  byId('import-bloc').hidden = false;
}

try {
  await start();
} catch (error) {
  byId('import-bloc').hidden = false;
  announce(region, 'erreur', error.message);
}
pageReady();
