/** The help pages: public; the menu when someone is signed in, and the contact block of the support service. */
import { byId, pageReady } from './dom.js';
import { currentSession } from './api.js';
import { showSession } from './layout.js';
import { showContact } from './contact.js';

const session = await currentSession().catch(() => null);
if (session) {
  showSession(session);
}
await showContact(byId('contact'));
pageReady();
