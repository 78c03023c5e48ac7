/**
 * The not-found page: the address asked for, and the way back to the home page of the session, with the menu when
 * someone is signed in; the contact block of the support service.
 */
import { byId, pageReady } from './dom.js';
import { currentSession } from './api.js';
import { homeOf, showSession } from './layout.js';
import { showContact } from './contact.js';

byId('adresse').textContent = window.location.pathname;
const session = await currentSession().catch(() => null);
if (session) {
  showSession(session);
  byId('lien-accueil').href = homeOf(session);
}
await showContact(byId('contact'));
pageReady();
