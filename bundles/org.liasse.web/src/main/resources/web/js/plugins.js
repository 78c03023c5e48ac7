/**
 * The plugin manager's page: installed plugins with their versions, state and what they provide, the reasons of
 * refusals with their file and line, rollback to the previous version (after confirmation, at the version read),
 * upload of a plugin jar followed until the extender activates or refuses it, and a link to the impact report of
 * the last change of controls.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit, silence } from './forms.js';
import { confirmAction } from './confirmation.js';
import { managesPlugins, startPage } from './layout.js';

/** How often, and how many times, an uploaded plugin is asked for until the extender decided. */
const POLL_MILLIS = 500;
const POLL_TIMES = 120;

await startPage(managesPlugins);
const listRegion = byId('plugins-messages');
const uploadRegion = byId('envoi-messages');

function provides(plugin) {
  const parts = [
    ...plugin.questionnaires.map((q) => t('plugins.questionnaire', { code: q.code, version: q.version })),
    plugin.controls > 0 && t('plugins.controles', { count: plugin.controls }),
    plugin.reports.length > 0 && t('plugins.rapports', { count: plugin.reports.length, codes: plugin.reports.join(', ') }),
  ].filter(Boolean);
  return parts.length ? parts.join(' ; ') : t('plugins.rien');
}

function decision(plugin) {
  return plugin.activatedAt
    ? t('plugins.decision', { by: plugin.activatedBy, at: formatInstant(plugin.activatedAt) }) : t('plugins.aucune-decision');
}

/** The reasons of a refusal: where (file:line, then in words) and why. */
function problems(plugin) {
  return el('ul', { class: 'problemes' }, plugin.problems.map(({ location, message }) => el('li', {},
    el('code', { text: location.line > 0 ? `${location.file}:${location.line}` : location.file }), ' – ',
    location.line > 0 ? t('plugins.ligne', { line: location.line, column: location.column }) : t('plugins.sans-ligne'),
    ` : ${message}`)));
}

async function rollback(plugin, trigger) {
  silence(listRegion);
  if (!await confirmAction({
    title: t('plugins.confirmation-titre', { id: plugin.id, version: plugin.previousVersion }),
    text: t('plugins.confirmation', { active: plugin.recordedVersion, previous: plugin.previousVersion }),
    confirm: t('plugins.confirmation-bouton'), trigger })) {
    return;
  }
  try {
    const restored = await request('POST', `/plugins/${encodeURIComponent(plugin.id)}/rollback`,
      { ifMatch: plugin.recordedVersion });
    await showPlugins();
    announce(listRegion, 'succes', t('plugins.retour-fait', { id: restored.id, version: restored.activeVersion }));
  } catch (error) {
    announce(listRegion, 'erreur', error.message);
  }
}

async function showPlugins() {
  const plugins = await request('GET', '/plugins');
  fillTable(byId('plugins').tBodies[0], plugins, (plugin) => el('tr', { 'data-id': plugin.id },
    el('th', { scope: 'row', text: plugin.id }),
    el('td', { text: plugin.activeVersion || t('plugins.aucune-version') }),
    el('td', { text: plugin.previousVersion || t('plugins.aucune-version') }),
    el('td', { text: t(`plugins.etat.${plugin.state}`) }),
    el('td', { text: provides(plugin) }),
    el('td', { text: decision(plugin) }),
    el('td', {}, plugin.previousVersion ? el('button', {
      type: 'button', class: 'bouton-secondaire bouton-petit', text: t('plugins.retour'),
      'aria-label': t('plugins.retour-libelle', { id: plugin.id, version: plugin.previousVersion }),
      onClick: (event) => rollback(plugin, event.currentTarget),
    }) : t('plugins.sans-retour'))), t('plugins.aucun'));
  const refused = plugins.filter((plugin) => plugin.problems.length > 0);
  replaceChildren(byId('refus'), refused.length === 0 ? el('p', { text: t('plugins.aucun-refus') })
    : refused.map((plugin) => el('div', { class: 'refus' },
      el('h3', { text: t('plugins.refus-titre', { id: plugin.id, version: plugin.version }) }), problems(plugin))));
}

async function showLastImpact() {
  const [last] = await request('GET', '/impacts');
  const paragraph = byId('dernier-impact');
  paragraph.hidden = !last;
  if (last) {
    replaceChildren(paragraph, el('a', { href: `/operateur/impacts.html?rapport=${last.id}`,
      text: t('plugins.dernier-impact', { trigger: last.trigger, at: formatInstant(last.started) }) }));
  }
}

/** The plugin once the extender decided about the uploaded version, or null if it is still pending. */
async function decided(id, version) {
  for (let attempt = 0; attempt < POLL_TIMES; attempt++) {
    const plugin = await request('GET', `/plugins/${encodeURIComponent(id)}`).catch((error) => {
      if (error.status === 404) {
        return null;
      }
      throw error;
    });
    if (plugin && plugin.version === version && (plugin.state === 'REJECTED' || plugin.activeVersion === version)) {
      return plugin;
    }
    await new Promise((resolve) => { setTimeout(resolve, POLL_MILLIS); });
  }
  return null;
}

const uploadForm = byId('envoi');
onSubmit(uploadForm, async () => {
  const file = byId('fichier').files[0];
  const sent = await request('POST', '/plugins', { body: file, contentType: 'application/java-archive' });
  announce(uploadRegion, 'info', t('plugins.envoye', { id: sent.id, version: sent.version }));
  const plugin = await decided(sent.id, sent.version);
  await showPlugins();
  await showLastImpact();
  if (!plugin) {
    announce(uploadRegion, 'info', t('plugins.en-attente', { id: sent.id, version: sent.version }));
  } else if (plugin.state === 'REJECTED') {
    announce(uploadRegion, 'erreur', t('plugins.refuse', { id: sent.id, version: sent.version, count: plugin.problems.length }),
      problems(plugin));
  } else {
    uploadForm.reset();
    announce(uploadRegion, 'succes', t('plugins.active', { id: sent.id, version: sent.version }));
  }
});

try {
  await showPlugins();
  await showLastImpact();
} catch (error) {
  announce(listRegion, 'erreur', error.message);
}
pageReady();
