/** Login page: signs in, then opens the first page of the account. */
import { t } from './messages-fr.js';
import { byId, pageReady, queryParam } from './dom.js';
import { currentSession, rememberSession, request } from './api.js';
import { announce, onSubmit } from './forms.js';
import { homeOf } from './layout.js';

const STATES = ['deconnecte', 'active', 'reinitialise', 'expire'];

const form = byId('connexion');

onSubmit(form, async ({ login, password }) => {
  try {
    const session = await request('POST', '/session', { body: { login, password }, anonymous: true });
    rememberSession(session);
    window.location.assign(homeOf(session));
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
    window.location.replace(homeOf(session));
  }
}
pageReady();
