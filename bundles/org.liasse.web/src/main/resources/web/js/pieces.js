/**
 * The exchange space of a dossier (/dossier/pieces.html?id=N): its files with download and deletion (after
 * confirmation), and the upload form with the accepted types and size limits. Operators and members without the
 * right to manage attachments only read and download.
 */
import { t, formatInstant } from './messages-fr.js';
import { byId, el, fillTable, pageReady, queryParam } from './dom.js';
import { request, requestTagged } from './api.js';
import { announce, onSubmit, silence } from './forms.js';
import { confirmAction } from './confirmation.js';
import { isOperator, startPage } from './layout.js';
import { dossierPage } from './dossier.js';

/** The right to upload and delete attachments. */
const MANAGE_ATTACHMENTS = 'pieces.gerer';

const session = await startPage();
const id = queryParam('id');
const listRegion = byId('liste-messages');
const canWrite = !isOperator(session) && (session.rights || []).includes(MANAGE_ATTACHMENTS);
const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
let rules;
/** The revision of the files listed, sent back when deleting one. */
let revision;

/** A size in bytes written the French way: 12 octets, 1,5 Ko, 20 Mo. */
function size(bytes) {
  const units = [[1024 ** 3, 'Go'], [1024 ** 2, 'Mo'], [1024, 'Ko']];
  for (const [unit, name] of units) {
    if (bytes >= unit) {
      return `${number.format(bytes / unit)} ${name}`;
    }
  }
  return t(bytes > 1 ? 'pieces.octets' : 'pieces.octet', { count: bytes });
}

function kindOf(mediaType) {
  const kind = rules.kinds.find((candidate) => candidate.mediaType === mediaType);
  return kind ? kind.label : mediaType;
}

function downloadPath(attachment) {
  return `/api/v1/dossiers/${encodeURIComponent(id)}/pieces/${encodeURIComponent(attachment.id)}`;
}

function actions(attachment) {
  const cell = el('td', { class: 'actions-ligne' },
    el('a', {
      class: 'bouton bouton-secondaire bouton-petit',
      href: downloadPath(attachment),
      download: attachment.name,
      'aria-label': t('pieces.telecharger-libelle', { name: attachment.name, size: size(attachment.size) }),
      text: t('pieces.telecharger'),
    }));
  if (canWrite) {
    cell.append(' ', el('button', {
      type: 'button',
      class: 'bouton-secondaire bouton-petit',
      'data-piece': attachment.id,
      'aria-label': t('pieces.supprimer-libelle', { name: attachment.name }),
      text: t('pieces.supprimer'),
      onClick: (event) => confirmDeletion(attachment, event.currentTarget),
    }));
  }
  return cell;
}

function showSpace(space) {
  rules = space.rules;
  byId('occupation').textContent = t('pieces.occupation', {
    count: space.attachments.length,
    used: size(space.usedBytes),
    max: size(rules.maxDossierBytes),
    files: rules.maxFiles,
  });
  fillTable(byId('pieces').tBodies[0], space.attachments, (attachment) => el('tr', {},
    el('th', { scope: 'row', text: attachment.name }),
    el('td', { text: kindOf(attachment.mediaType) }),
    el('td', { text: size(attachment.size) }),
    el('td', {}, el('time', { datetime: attachment.uploadedAt, text: formatInstant(attachment.uploadedAt) })),
    el('td', { text: attachment.uploadedBy }),
    actions(attachment)), t('pieces.aucune'));
}

async function refresh() {
  const { body, tag } = await requestTagged('GET', `/dossiers/${encodeURIComponent(id)}/pieces`);
  revision = tag;
  showSpace(body);
}

async function confirmDeletion(attachment, trigger) {
  silence(listRegion);
  if (!await confirmAction({ title: t('pieces.confirmation-titre'), text: t('pieces.confirmation', { name: attachment.name }),
    confirm: t('pieces.confirmation-bouton'), trigger })) {
    return;
  }
  try {
    await request('DELETE', `/dossiers/${encodeURIComponent(id)}/pieces/${encodeURIComponent(attachment.id)}`,
      { ifMatch: revision });
    announce(listRegion, 'succes', t('pieces.supprimee', { name: attachment.name }));
  } catch (error) {
    announce(listRegion, 'erreur', error.message);
  }
  try {
    await refresh();
  } catch (error) {
    announce(listRegion, 'erreur', error.message);
  }
  byId('titre-liste').focus();
}

function describeRules() {
  const types = rules.kinds.map((kind) => t('pieces.type', { label: kind.label, extensions: kind.extensions.map((e) => `.${e}`).join(', ') }));
  byId('fichier-aide').textContent = t('pieces.aide', {
    types: types.join(' ; '),
    max: size(rules.maxFileBytes),
    total: size(rules.maxDossierBytes),
  });
  byId('fichier').setAttribute('accept', rules.kinds.flatMap((kind) => kind.extensions.map((e) => `.${e}`)).join(','));
}

function checkFile() {
  const file = byId('fichier').files[0];
  if (!file) {
    return [];
  }
  if (file.size === 0) {
    return [{ field: 'fichier', message: t('pieces.vide', { name: file.name }) }];
  }
  if (file.size > rules.maxFileBytes) {
    return [{ field: 'fichier', message: t('pieces.trop-gros', { name: file.name, size: size(file.size), max: size(rules.maxFileBytes) }) }];
  }
  return [];
}

async function start() {
  if (!/^\d+$/.test(id || '')) {
    announce(listRegion, 'erreur', t('pieces.sans-dossier'));
    return;
  }
  byId('retour').setAttribute('href', dossierPage('sommaire', id));
  try {
    const dossier = await request('GET', `/dossiers/${encodeURIComponent(id)}`);
    byId('chapo-pieces').textContent = t('pieces.chapo', {
      questionnaire: dossier.questionnaireCode || '', year: dossier.year || '', siren: dossier.siren || '',
    });
  } catch {
    byId('chapo-pieces').textContent = t('pieces.chapo-numero', { id });
  }
  try {
    await refresh();
  } catch (error) {
    announce(listRegion, 'erreur', error.message);
    return;
  }
  if (canWrite) {
    describeRules();
    byId('depot-bloc').hidden = false;
    const form = byId('depot');
    onSubmit(form, async () => {
      const file = byId('fichier').files[0];
      const saved = await request('POST', `/dossiers/${encodeURIComponent(id)}/pieces?nom=${encodeURIComponent(file.name)}`, { body: file });
      form.reset();
      announce(byId('depot-messages'), 'succes', t('pieces.deposee', { name: saved.name, size: size(saved.size) }));
      await refresh();
    }, { check: checkFile, fallbackField: 'fichier' });
  } else {
    byId('depot-raison').textContent = t(isOperator(session) ? 'pieces.depot-organisation' : 'pieces.depot-droits');
    byId('depot-raison').hidden = false;
  }
}

await start();
pageReady();
