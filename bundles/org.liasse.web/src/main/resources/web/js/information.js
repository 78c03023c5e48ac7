/**
 * The public information pages (accessibility, legal notice, personal data, site map): open to all, with the menu
 * of the session when someone is signed in.
 */
import { pageReady } from './dom.js';
import { currentSession } from './api.js';
import { showSession } from './layout.js';

const session = await currentSession().catch(() => null);
if (session) {
  showSession(session);
}
pageReady();
