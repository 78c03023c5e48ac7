/** Home page: greeting, what needs the user's action, the links the rights open, and the list of rights. */
import { t } from './messages-fr.js';
import { byId, el, pageReady, replaceChildren } from './dom.js';
import { request } from './api.js';
import { announce } from './forms.js';
import { fullName, isOperator, pagesOf, startPage } from './layout.js';
import { dossierPage } from './dossier.js';

const session = await startPage();

byId('bonjour').textContent = t('accueil.bonjour', { name: fullName(session) });
byId('rattachement').textContent = session.siren
  ? t('accueil.organisation', { name: session.organisationName || '', siren: session.siren })
  : t('accueil.operateur', { perimeter: session.federation || t('accueil.national') });

replaceChildren(byId('liens'), pagesOf(session).map((page) =>
  el('li', {}, el('a', { href: page.href, text: t(`accueil.lien.${page.name}`) }))));

if (!isOperator(session)) {
  try {
    const notifications = await request('GET', '/me/notifications');
    byId('a-faire').hidden = notifications.length === 0;
    replaceChildren(byId('notifications'), notifications.map((notification) => el('li', {
      class: `notification notification-${notification.kind}` },
    el('span', { class: 'etiquette', text: t(`notification.${notification.kind}`) }), ' ',
    el('a', { href: notification.dossierId ? dossierPage('sommaire', notification.dossierId) : '/dossiers.html',
      text: notification.message }))));
  } catch (error) {
    announce(byId('accueil-messages'), 'erreur', error.message);
  }
}

const rights = session.rights || [];
if (rights.length === 0) {
  const roles = isOperator(session) ? session.operatorRoles.map((role) => t(`role.${role}`)) : [t('accueil.aucun-droit')];
  replaceChildren(byId('droits'), roles.map((text) => el('li', { text })));
} else {
  let labels = new Map();
  try {
    const catalogue = await request('GET', '/rights');
    labels = new Map(catalogue.rights.map((right) => [right.code, right.label]));
  } catch (error) {
    announce(byId('accueil-messages'), 'erreur', error.message);
  }
  replaceChildren(byId('droits'), rights.map((code) => el('li', { text: labels.get(code) || code })));
}
pageReady();
