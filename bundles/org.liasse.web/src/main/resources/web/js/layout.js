/**
 * What every signed-in page shares: the session check, the name of the person signed in, the main menu according
 * to the rights, and sign-out.
 */
import { t } from './messages-fr.js';
import { el } from './dom.js';
import { currentSession, goToLogin, request } from './api.js';

/** The right to manage the users of one's organisation. */
export const MANAGE_USERS = 'utilisateurs.gerer';

/** Whether the session is an operator who manages campaigns. */
export function managesCampaigns(session) {
  return isOperator(session) && session.operatorRoles.some((role) => ['CAMPAIGN_MANAGER', 'SUPER_ADMIN'].includes(role));
}

/** Whether the session may consult the dossiers of its organisation. */
export function consultsDossiers(session) {
  return Boolean(session.siren) && (session.rights || []).includes('dossier.consulter');
}

/** Whether the session is a partner operator's (ministry or federation staff). */
export function isOperator(session) {
  return Array.isArray(session.operatorRoles) && session.operatorRoles.length > 0;
}

/** Whether the session is an operator who installs plugins and rolls them back. */
export function managesPlugins(session) {
  return isOperator(session) && session.operatorRoles.some((role) => ['PLUGIN_MANAGER', 'SUPER_ADMIN'].includes(role));
}

/** Whether the session is a super-administrator, who manages the operator accounts. */
export function managesOperators(session) {
  return isOperator(session) && session.operatorRoles.includes('SUPER_ADMIN');
}

/** Whether the session may manage the users of its organisation. */
export function managesUsers(session) {
  return Boolean(session.siren) && (session.rights || []).includes(MANAGE_USERS);
}

/** The operator roles that may read the whole audit log of their perimeter and verify it. */
const AUDIT_ROLES = ['SUPPORT', 'SUPER_ADMIN'];

/** Whether the session is an operator who may read the audit log of its perimeter and verify its integrity. */
export function auditsPerimeter(session) {
  return isOperator(session) && session.operatorRoles.some((role) => AUDIT_ROLES.includes(role));
}

/** Whether the session may read an audit log: its perimeter's (operator) or its organisation's (administrator). */
export function readsAuditLog(session) {
  return auditsPerimeter(session) || managesUsers(session);
}

/** The first page after sign-in. */
export function homeOf(session) {
  if (isOperator(session)) {
    return '/operateur/organisations.html';
  }
  if (managesUsers(session)) {
    return '/organisation/utilisateurs.html';
  }
  return '/accueil.html';
}

/** The state of an account, in words: deactivated (marked), active, or waiting for its activation. */
export function accountState(account) {
  if (!account.active) {
    return el('span', { class: 'etat-inactif', text: t('utilisateurs.inactif') });
  }
  return account.activated ? t('utilisateurs.actif') : t('utilisateurs.en-attente');
}

/**
 * The messages that tell an account was created: the given text and, in demo mode (when the platform shows it),
 * the activation code of the new account.
 */
export function createdMessages(text, created) {
  const code = created.activationCode && el('p', {}, `${t('utilisateurs.code-demo', { login: created.user.login })} : `,
    el('code', { id: 'code-activation', text: created.activationCode }));
  return [text, code].filter(Boolean);
}

/** The display name of a person. */
export function fullName(person) {
  return [person.firstName, person.lastName].filter(Boolean).join(' ') || person.login;
}

async function signOut() {
  try {
    await request('DELETE', '/session');
  } finally {
    window.location.assign('/connexion.html?etat=deconnecte');
  }
}

/**
 * The pages the rights of the session open, beyond the home page: their path and their name, which keys their
 * labels in the menu (menu.<name>) and on the home page (accueil.lien.<name>).
 */
export function pagesOf(session) {
  return [
    consultsDossiers(session) && { href: '/dossiers.html', name: 'dossiers' },
    isOperator(session) && { href: '/operateur/organisations.html', name: 'organisations' },
    managesCampaigns(session) && { href: '/operateur/campagnes.html', name: 'campagnes' },
    isOperator(session) && { href: '/operateur/suivi.html', name: 'suivi' },
    isOperator(session) && { href: '/operateur/rapports-campagne.html', name: 'rapports-campagne' },
    isOperator(session) && { href: '/operateur/impacts.html', name: 'impacts' },
    isOperator(session) && { href: '/operateur/destinataires.html', name: 'destinataires' },
    isOperator(session) && { href: '/operateur/matrice.html', name: 'matrice' },
    isOperator(session) && { href: '/operateur/livraisons.html', name: 'livraisons' },
    managesPlugins(session) && { href: '/operateur/plugins.html', name: 'plugins' },
    managesOperators(session) && { href: '/operateur/comptes.html', name: 'comptes' },
    managesUsers(session) && { href: '/organisation/utilisateurs.html', name: 'utilisateurs' },
    readsAuditLog(session) && { href: '/journal.html', name: 'journal' },
    (isOperator(session) || Boolean(session.siren)) && { href: '/echanges.html', name: 'echanges' },
    { href: '/verification-signature.html', name: 'signature' },
    { href: '/mon-compte.html', name: 'compte' },
  ].filter(Boolean);
}

function menu(session) {
  const links = [['/accueil.html', t('menu.accueil')], ...pagesOf(session).map((page) => [page.href, t(`menu.${page.name}`)])];
  const here = window.location.pathname;
  // On a phone the links fold behind a button (the style sheet shows the button and hides the folded list).
  const toggle = el('button', { type: 'button', class: 'bouton-menu', id: 'bouton-menu', 'aria-expanded': 'false',
    'aria-controls': 'menu-liens', text: t('menu.bouton') });
  toggle.addEventListener('click', () => toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true')));
  return el('nav', { class: 'menu', 'aria-label': t('menu.libelle') }, toggle,
    el('ul', { id: 'menu-liens' },
      links.map(([href, text]) => el('li', {}, el('a', { href, text, 'aria-current': href === here ? 'page' : null }))),
      el('li', {}, el('button', { type: 'button', class: 'bouton-lien', id: 'deconnexion', text: t('menu.deconnexion'), onClick: signOut }))));
}

/**
 * Starts a signed-in page: leaves for the login page without a session, and for the home page of the session
 * when allowed(session) is false. Returns the session.
 */
export async function startPage(allowed = () => true) {
  const session = await currentSession();
  if (!session) {
    return goToLogin();
  }
  if (!allowed(session)) {
    window.location.replace(homeOf(session));
    return new Promise(() => {});
  }
  showSession(session);
  return session;
}

/** Shows in the header who is signed in and the main menu of their rights. */
export function showSession(session) {
  document.querySelector('header .entete-contenu').append(
    el('p', { class: 'utilisateur', text: t('menu.connecte', { name: fullName(session) }) }), menu(session));
}
