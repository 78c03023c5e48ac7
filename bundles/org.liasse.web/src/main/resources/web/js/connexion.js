/**
 * Login page: signs in, then opens the page asked for before (a deep link), or else the first page of the account;
 * shows the contact block of the support service.
 */
import { t } from './messages-fr.js';
import { byId, pageReady, queryParam } from './dom.js';
import { NEXT_PAGE, currentSession, nextPage, rememberSession, request } from './api.js';
import { announce, onSubmit } from './forms.js';
import { homeOf } from './layout.js';
import { showContact } from './contact.js';

const STATES = ['deconnecte', 'active', 'reinitialise', 'expire'];

const form = byId('connexion');
const next = nextPage(queryParam(NEXT_PAGE));

/** The page to open once signed in. */
function landing(session) {
  return next || homeOf(session);
}

onSubmit(form, async ({ login, password }) => {
  try {
    const session = await request('POST', '/session', { body: { login, password }, anonymous: true });
    rememberSession(session);
    window.location.assign(landing(session));
  } finally {
    form.elements.password.value = '';
  }
}, { fallbackField: 'password' });

const state = queryParam('etat');
if (STATES.includes(state)) {
  announce(byId('connexion-messages'), state === 'expire' ? 'info' : 'succes', t(`connexion.etat.${state}`));
} else {
  const session = await currentSession();
  if (session) {
    window.location.replace(landing(session));
  }
}
await showContact(byId('contact'));
pageReady();
