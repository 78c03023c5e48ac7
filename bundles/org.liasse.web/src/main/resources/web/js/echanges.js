/**
 * Exchanges between servers (/echanges.html): for operators, this server's identity and certificate, the registered
 * peers and the whole sync log; for an organisation, its consents (granted or withdrawn by its administrator) and
 * its own sync log.
 */
import { formatInstant, t } from './messages-fr.js';
import { byId, el, fillTable, pageReady } from './dom.js';
import { request, requestTagged } from './api.js';
import { announce } from './forms.js';
import { isOperator, managesUsers, startPage } from './layout.js';
import { syncRow } from './synchronisations.js';

const session = await startPage((s) => isOperator(s) || Boolean(s.siren));
const operator = isOperator(session);

async function showServer() {
  const servers = await request('GET', '/server');
  byId('serveur-bloc').hidden = false;
  byId('pairs-bloc').hidden = false;
  byId('serveur-nom').textContent = servers.identity.name;
  byId('serveur-partenaire').textContent = servers.identity.partner;
  byId('serveur-empreinte').textContent = servers.identity.fingerprint;
  byId('serveur-validite').textContent = t('echanges.validite', {
    from: formatInstant(servers.identity.notBefore), to: formatInstant(servers.identity.notAfter) });
  byId('certificat').textContent = servers.identity.certificate;
  fillTable(byId('pairs').tBodies[0], servers.peers, (peer) => el('tr', {},
    el('th', { scope: 'row', text: peer.name }),
    el('td', { text: peer.partner }),
    el('td', { text: peer.url }),
    el('td', { text: peer.federation || t('echanges.toutes') }),
    el('td', { text: formatInstant(peer.notAfter) })), t('echanges.aucun-pair'));
}

async function showConsents() {
  const path = `/organisations/${encodeURIComponent(session.siren)}/consents`;
  const { body: consents, tag: revision } = await requestTagged('GET', path);
  byId('autorisations-bloc').hidden = false;
  const granted = new Map(consents.consents.map((consent) => [consent.peer, consent]));
  const change = (peer, method) => async () => {
    try {
      await request(method, `${path}/${encodeURIComponent(peer)}`, { ifMatch: revision });
      announce(byId('autorisations-messages'), 'succes', t(method === 'PUT' ? 'echanges.autorise' : 'echanges.retire', { peer }));
      await showConsents();
    } catch (error) {
      announce(byId('autorisations-messages'), 'erreur', error.message);
    }
  };
  fillTable(byId('autorisations').tBodies[0], consents.peers, (peer) => {
    const consent = granted.get(peer.name);
    return el('tr', {},
      el('th', { scope: 'row', text: `${peer.name} (${peer.partner})` }),
      el('td', { text: consent ? t('echanges.autorise-par', { who: consent.grantedBy, at: formatInstant(consent.at) }) : t('echanges.non-autorise') }),
      el('td', {}, managesUsers(session) ? el('button', { type: 'button',
        text: t(consent ? 'echanges.retirer' : 'echanges.autoriser', { peer: peer.name }),
        onClick: change(peer.name, consent ? 'DELETE' : 'PUT') }) : null));
  }, t('echanges.aucun-pair'));
}

byId('perimetre').textContent = operator ? t('echanges.operateur')
  : t('echanges.organisation', { name: session.organisationName || '', siren: session.siren });
try {
  if (operator) {
    await showServer();
  } else {
    await showConsents();
  }
  fillTable(byId('echanges').tBodies[0], await request('GET', operator ? '/syncs'
    : `/organisations/${encodeURIComponent(session.siren)}/syncs`), syncRow, t('echanges.aucun'));
} catch (error) {
  announce(byId('journal-messages'), 'erreur', error.message);
}
pageReady();
